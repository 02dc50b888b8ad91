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

    @Option(name: .customLong("set"), help: """
        A repo-local set (eval/<name>/dev.tsv), repeatable. Its first line names its corpus, `# corpus: medquad-skin` \
        or `# corpus: bundled`; it is in the MedQuAD format when its header starts with `qid`, else in the lay format.
        """)
    var localSets: [String] = []

    @Flag(help: "List every lay query that missed, and MedQuAD queries whose answer is not first.")
    var misses = false

    @Flag(help: "Also score the message sets of `--set` by kind of message (the `qid` prefix: backstory, typo, …).")
    var byKind = false

    func run() async throws {
        var report = EvaluationReport()
        if let medquadSocket {
            try await scoreMedQuAD(socket: medquadSocket, file: medquadQueries, into: &report)
        }
        if let laySocket {
            try await scoreLay(socket: laySocket, file: layQueries, name: "lay dev", into: &report)
        }
        for path in localSets {
            try await scoreLocalSet(path, into: &report)
        }
        print(report.text, terminator: "")
        if !report.meetsAllTargets { throw ExitCode(2) }
    }

    /// A repo-local set against the daemon serving the corpus it names. `eval/NAME/dev.tsv` is
    /// named NAME, any other file of the folder NAME and its file's name (`long-messages check`).
    private func scoreLocalSet(_ path: String, into report: inout EvaluationReport) async throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().lastPathComponent
        let file = url.deletingPathExtension().lastPathComponent
        let name = file == "dev" ? folder : "\(folder) \(file)"
        let corpus = try EvaluationSet.corpus(ofSet: path)
        guard let socket = corpus == "medquad-skin" ? medquadSocket : corpus == "bundled" ? laySocket : nil else {
            throw ValidationError("\(path): the first line must name its corpus: `# corpus: medquad-skin` or `# corpus: bundled`")
        }
        if try EvaluationSet.isMedQuADFormat(path) {
            try await scoreMessages(socket: socket, file: path, name: name, into: &report)
        } else {
            try await scoreLay(socket: socket, file: path, name: name, into: &report)
        }
    }

    /// Long consumer messages: the targets set for real messages, and what a long message
    /// costs against a short one (the daemon's own time: the median over the messages of each
    /// message's median, long and short sent in turn).
    private func scoreMessages(socket: String, file: String, name: String, into report: inout EvaluationReport) async throws {
        let (queries, search, ask, ranks) = try await rankMedQuADFormat(socket: socket, file: file, name: name)
        let set = "\(name) (\(search.count))"
        report.add(.init(set: set, task: "search", measure: "MRR@10", value: search.meanReciprocalRank(at: 10), target: 0.90))
        report.add(.init(set: set, task: "search", measure: "R@10", value: search.recall(at: 10), target: 0.97))
        report.add(.init(set: set, task: "ask", measure: "P@1", value: ask.recall(at: 1), target: 0.70))
        report.add(.init(set: set, task: "ask", measure: "MRR@10", value: ask.meanReciprocalRank(at: 10)))
        if byKind { Self.addKinds(of: queries, ranks: ranks, name: name, into: &report) }
        let words = { (query: EvaluationQuery) in query.text.split(whereSeparator: \.isWhitespace).count }
        for task in [EvaluationQuery.Task.search, .ask] {
            let long = queries.filter { $0.task == task && words($0) >= 120 }
            let short = queries.filter { $0.task == task && words($0) <= 12 }
            guard !long.isEmpty, !short.isEmpty else { continue }
            let times = try await EvaluationRunner(socketPath: socket).serverMicroseconds(alternating: long, short)
            let (longTime, shortTime) = (Self.median(times.first), Self.median(times.second))
            report.add(.init(
                set: set, task: task.rawValue, measure: "≥120 words / ≤12 words", value: Double(longTime) / Double(max(1, shortTime)),
                target: 3, detail: "\(longTime) / \(shortTime) µs", targetIsCeiling: true))
        }
    }

    /// Search MRR@10 and R@10 and ask P@1 of each kind of message, in the order the kinds first appear.
    private static func addKinds(of queries: [EvaluationQuery], ranks: [Int?], name: String, into report: inout EvaluationReport) {
        var kinds: [String] = []
        for kind in queries.compactMap(\.kind) where !kinds.contains(kind) { kinds.append(kind) }
        for kind in kinds {
            var search = RankingMetrics()
            var ask = RankingMetrics()
            for (query, rank) in zip(queries, ranks) where query.kind == kind {
                if query.task == .search { search.add(rank: rank) } else { ask.add(rank: rank) }
            }
            let set = "\(name) \(kind) (\(search.count))"
            report.add(.init(set: set, task: "search", measure: "MRR@10", value: search.meanReciprocalRank(at: 10)))
            report.add(.init(set: set, task: "search", measure: "R@10", value: search.recall(at: 10)))
            report.add(.init(set: set, task: "ask", measure: "P@1", value: ask.recall(at: 1)))
        }
    }

    private static func median(_ values: [Int]) -> Int {
        values.isEmpty ? 0 : values.sorted()[values.count / 2]
    }

    private func printMiss(_ set: String, _ query: EvaluationQuery, rank: Int?, results: [EvaluationQuery.Answer]) {
        let got = results.first.map { "\($0.slug)/\($0.section ?? "")" } ?? "nothing"
        print("\(set) \(query.task) rank \(rank.map(String.init) ?? "-"): \(query.text) -> want \(query.answers[0].slug)/\(query.answers[0].section ?? ""), got \(got)")
    }

    /// A set in the MedQuAD format run against `socket`: its queries, the rank of each one's first
    /// answer, and the metrics by task; queries whose answer is not first are printed with `--misses`.
    private func rankMedQuADFormat(
        socket: String, file: String, name: String
    ) async throws -> (queries: [EvaluationQuery], search: RankingMetrics, ask: RankingMetrics, ranks: [Int?]) {
        let queries = try EvaluationSet.medQuAD(queriesFile: file)
        let ranked = try await EvaluationRunner(socketPath: socket).run(queries)
        var search = RankingMetrics()
        var ask = RankingMetrics()
        var ranks: [Int?] = []
        for (query, results) in zip(queries, ranked) {
            let rank = query.rankOfFirstAnswer(in: results)
            ranks.append(rank)
            if query.task == .search { search.add(rank: rank) } else { ask.add(rank: rank) }
            if misses && rank != 1 { printMiss(name, query, rank: rank, results: results) }
        }
        return (queries, search, ask, ranks)
    }

    private func scoreMedQuAD(socket: String, file: String, into report: inout EvaluationReport) async throws {
        let (_, search, ask, _) = try await rankMedQuADFormat(socket: socket, file: file, name: "medquad")
        let set = "medquad-skin (\(search.count))"
        report.add(.init(set: set, task: "search", measure: "MRR@10", value: search.meanReciprocalRank(at: 10), target: 0.975))
        report.add(.init(set: set, task: "search", measure: "nDCG@10", value: search.normalizedDiscountedGain(at: 10)))
        report.add(.init(set: set, task: "search", measure: "R@1", value: search.recall(at: 1)))
        report.add(.init(set: set, task: "search", measure: "R@10", value: search.recall(at: 10)))
        report.add(.init(set: set, task: "ask", measure: "P@1", value: ask.recall(at: 1), target: 0.70))
        report.add(.init(set: set, task: "ask", measure: "MRR@10", value: ask.meanReciprocalRank(at: 10), target: 0.80))
        report.add(.init(set: set, task: "ask", measure: "R@10", value: ask.recall(at: 10)))
    }

    private func scoreLay(socket: String, file: String, name: String, into report: inout EvaluationReport) async throws {
        let queries = try EvaluationSet.lay(file: file)
        let ranked = try await EvaluationRunner(socketPath: socket).run(queries)
        for task in EvaluationQuery.Task.allCases {
            let lines = zip(queries, ranked).filter { $0.0.task == task }
            guard !lines.isEmpty else { continue }
            var hits = 0
            for (query, results) in lines {
                if let rank = query.rankOfFirstAnswer(in: results), rank <= query.cutoff {
                    hits += 1
                } else if misses {
                    print("\(name) \(task) miss: \(query.text) -> got \(results.prefix(3).map(\.slug).joined(separator: ", "))")
                }
            }
            report.add(.init(set: name, task: task.rawValue, measure: "hit rate", value: Double(hits) / Double(lines.count),
                             target: 1.0, detail: "\(hits)/\(lines.count)"))
        }
    }
}
