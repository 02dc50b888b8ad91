import ArgumentParser
import Foundation
import NeedleEvaluation

/// `needle-eval`: scores running daemons on the evaluation sets and prints one table.
///
/// `Tools/eval` builds the indexes, starts the daemons and runs this; see docs/evaluation.md.
@main
struct NeedleEval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needle-eval",
        abstract: "Score Needle on MedQuAD-skin and the lay query set over its socket.")

    @Option(help: "Socket of a daemon serving the MedQuAD-skin corpus.")
    var medquadSocket: String?

    @Option(help: "MedQuAD queries (qid, query, slug, section).")
    var medquadQueries = "../shared/eval/medquad-skin/queries-dev.tsv"

    @Option(help: "Socket of a daemon serving the bundled Corpus/.")
    var laySocket: String?

    @Option(help: "Lay queries (task, query, slugs, k).")
    var layQueries = "../shared/eval/lay/dev.tsv"

    @Flag(help: "List every lay query that missed, and MedQuAD queries whose answer is not first.")
    var misses = false

    func run() async throws {
        var report = EvaluationReport()
        if let medquadSocket {
            try await scoreMedQuAD(socket: medquadSocket, into: &report)
        }
        if let laySocket {
            try await scoreLay(socket: laySocket, into: &report)
        }
        print(report.text, terminator: "")
        if !report.meetsAllTargets { throw ExitCode(2) }
    }

    private func scoreMedQuAD(socket: String, into report: inout EvaluationReport) async throws {
        let queries = try EvaluationSet.medQuAD(queriesFile: medquadQueries)
        let ranked = try await EvaluationRunner(socketPath: socket).run(queries)
        var search = RankingMetrics()
        var ask = RankingMetrics()
        for (query, results) in zip(queries, ranked) {
            let rank = query.rankOfFirstAnswer(in: results)
            if query.task == .search { search.add(rank: rank) } else { ask.add(rank: rank) }
            if misses && rank != 1 {
                print("medquad \(query.task) rank \(rank.map(String.init) ?? "-"): \(query.text) -> want \(query.answers[0].slug)/\(query.answers[0].section ?? ""), got \(results.first.map { "\($0.slug)/\($0.section ?? "")" } ?? "nothing")")
            }
        }
        let set = "medquad-skin (\(search.count))"
        report.add(.init(set: set, task: "search", measure: "MRR@10", value: search.meanReciprocalRank(at: 10), target: 0.975))
        report.add(.init(set: set, task: "search", measure: "nDCG@10", value: search.normalizedDiscountedGain(at: 10)))
        report.add(.init(set: set, task: "search", measure: "R@1", value: search.recall(at: 1)))
        report.add(.init(set: set, task: "search", measure: "R@10", value: search.recall(at: 10)))
        report.add(.init(set: set, task: "ask", measure: "P@1", value: ask.recall(at: 1), target: 0.70))
        report.add(.init(set: set, task: "ask", measure: "MRR@10", value: ask.meanReciprocalRank(at: 10), target: 0.80))
        report.add(.init(set: set, task: "ask", measure: "R@10", value: ask.recall(at: 10)))
    }

    private func scoreLay(socket: String, into report: inout EvaluationReport) async throws {
        let queries = try EvaluationSet.lay(file: layQueries)
        let ranked = try await EvaluationRunner(socketPath: socket).run(queries)
        for task in EvaluationQuery.Task.allCases {
            let lines = zip(queries, ranked).filter { $0.0.task == task }
            guard !lines.isEmpty else { continue }
            var hits = 0
            for (query, results) in lines {
                if let rank = query.rankOfFirstAnswer(in: results), rank <= query.cutoff {
                    hits += 1
                } else if misses {
                    print("lay \(task) miss: \(query.text) -> got \(results.prefix(3).map(\.slug).joined(separator: ", "))")
                }
            }
            report.add(.init(set: "lay dev", task: task.rawValue, measure: "hit rate", value: Double(hits) / Double(lines.count),
                             target: 1.0, detail: "\(hits)/\(lines.count)"))
        }
    }
}
