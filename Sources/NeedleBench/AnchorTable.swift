/// Needle over its socket against an engine run in-process (tantivy-py, through the perf
/// kit's `pybench.py`) on the same corpus and query files, within one run.
///
/// Rows: search on `terms.txt`, search on `questions.txt`, and ask on `questions.txt`
/// against the engine's search on `questions.txt` (it has no ask: its search of the same
/// question is the work a question costs it). A QPS ratio above 1 means Needle is faster.
///
/// ```swift
/// print(AnchorTable(results).markdown) // "" when no anchor cells were recorded
/// ```
public struct AnchorTable: Sendable {
    public let results: BenchResults
    public let subject: String
    public let anchor: String

    /// The comparisons the table makes: Needle's operation and query file, against the
    /// anchor's search over the same file.
    static let comparisons: [(operation: BenchOperation, queries: String)] = [
        (.search, "terms.txt"), (.search, "questions.txt"), (.ask, "questions.txt"),
    ]

    public init(_ results: BenchResults, subject: String = "needle", anchor: String = "tantivy-py") {
        self.results = results
        self.subject = subject
        self.anchor = anchor
    }

    /// The table, or an empty string when the anchor was not measured.
    public var markdown: String {
        let clientCounts = Set(results.cells.filter { $0.label == anchor }.map(\.clients)).sorted()
        guard !clientCounts.isEmpty else { return "" }
        var lines = [
            "| \(subject) op | queries | clients | \(subject) QPS | p50 µs | p99 µs | \(anchor) QPS | \(anchor) p50 µs | \(anchor) p99 µs | QPS ratio |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for comparison in Self.comparisons {
            for clients in clientCounts {
                let mine = results.cell(subject, comparison.operation, clients: clients, queries: comparison.queries)
                let theirs = results.cell(anchor, .search, clients: clients, queries: comparison.queries)
                guard mine != nil || theirs != nil else { continue }
                var fields = [comparison.operation.rawValue, comparison.queries, String(clients)]
                fields += Self.figures(mine) + Self.figures(theirs)
                fields.append(mine.flatMap { mine in theirs.map { ResultsTable.ratio(mine.qps, $0.qps) } } ?? "–")
                lines.append("| " + fields.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func figures(_ cell: LoadCell?) -> [String] {
        guard let cell, cell.supported else { return ["–", "–", "–"] }
        return [ResultsTable.fixed(cell.qps, 0), ResultsTable.fixed(cell.latency.p50, 1), ResultsTable.fixed(cell.latency.p99, 1)]
    }
}
