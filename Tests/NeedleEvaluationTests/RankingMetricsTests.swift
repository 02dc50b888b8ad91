import Foundation
import NeedleEvaluation
import Testing

@Suite struct RankingMetricsTests {
    @Test func measuresFollowTheirDefinitions() {
        var metrics = RankingMetrics()
        for rank in [1, 2, 4, nil, 11] { metrics.add(rank: rank) }
        #expect(abs(metrics.meanReciprocalRank(at: 10) - (1 + 0.5 + 0.25) / 5) < 1e-12)
        let gains: [Double] = [1, 1 / log2(3.0), 1 / log2(5.0)]
        let expected = gains.reduce(0, +) / 5
        #expect(abs(metrics.normalizedDiscountedGain(at: 10) - expected) < 1e-12)
        #expect(metrics.recall(at: 1) == 0.2)
        #expect(metrics.recall(at: 10) == 0.6)
        #expect(metrics.recall(at: 20) == 0.8)
    }

    @Test func anEmptySetScoresZero() {
        #expect(RankingMetrics().meanReciprocalRank(at: 10) == 0)
    }
}

@Suite struct EvaluationQueryTests {
    @Test func askAnswersMustNameTheSectionInAnyCase() {
        let query = EvaluationQuery(task: .ask, text: "q", answers: [.init(slug: "psoriasis", section: "Treatment")])
        let ranked: [EvaluationQuery.Answer] = [
            .init(slug: "psoriasis", section: "Symptoms"), .init(slug: "eczema", section: "Treatment"),
            .init(slug: "psoriasis", section: "treatment"),
        ]
        #expect(query.rankOfFirstAnswer(in: ranked) == 3)
    }

    @Test func anyListedSlugCounts() {
        let query = EvaluationQuery(task: .search, text: "q", answers: [.init(slug: "a"), .init(slug: "b")], cutoff: 3)
        #expect(query.rankOfFirstAnswer(in: [.init(slug: "c"), .init(slug: "b")]) == 2)
        #expect(query.rankOfFirstAnswer(in: [.init(slug: "c")]) == nil)
    }
}

@Suite struct EvaluationSetTests {
    @Test func readsBothFormats() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let medquad = directory.appendingPathComponent("m.tsv").path
        let lay = directory.appendingPathComponent("l.tsv").path
        try "qid\tquery\tslug\tsection\n1\tWhat causes Acne ?\tacne\tCauses\n".write(toFile: medquad, atomically: true, encoding: .utf8)
        try "# comment\nsearch\tdark spots\thyperpigmentation, melasma\t3\nsuggest\tmicro\tmicroneedling\t1\n"
            .write(toFile: lay, atomically: true, encoding: .utf8)

        let medquadQueries = try EvaluationSet.medQuAD(queriesFile: medquad)
        #expect(medquadQueries.map(\.task) == [.search, .ask])
        #expect(medquadQueries[1].answers == [.init(slug: "acne", section: "Causes")])
        #expect(medquadQueries[0].answers == [.init(slug: "acne")])

        let layQueries = try EvaluationSet.lay(file: lay)
        #expect(layQueries.count == 2)
        #expect(layQueries[0].answers.map(\.slug) == ["hyperpigmentation", "melasma"])
        #expect(layQueries[0].cutoff == 3)
    }

    @Test func aMessageSetsKindIsItsQidPrefix() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString).tsv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "# corpus: medquad-skin\nqid\tquery\tslug\tsection\nsymptom-03\tred itchy rings\ttinea-infections\tInformation\n7\tWhat is Acne ?\tacne\tInformation\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let queries = try EvaluationSet.medQuAD(queriesFile: file)
        #expect(queries.map(\.kind) == ["symptom", "symptom", "7", "7"])
        #expect(try EvaluationSet.corpus(ofSet: file) == "medquad-skin")
    }
}

@Suite struct EvaluationReportTests {
    @Test func targetsDecideTheVerdict() {
        var report = EvaluationReport()
        report.add(.init(set: "s", task: "search", measure: "MRR@10", value: 0.98, target: 0.975))
        #expect(report.meetsAllTargets)
        report.add(.init(set: "s", task: "ask", measure: "P@1", value: 0.5, target: 0.7))
        #expect(!report.meetsAllTargets)
        #expect(report.text.contains("0.980  0.975   yes"))
        #expect(report.text.contains("NO"))
    }
}
