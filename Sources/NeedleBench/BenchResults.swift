import Foundation

/// Everything one benchmark run measured at one corpus size: the results file.
///
/// ```swift
/// let results = try BenchResults.load(folder: "/tmp/needle-bench/10000", articles: 10_000)
/// try results.write(to: "/tmp/needle-bench/10000/results.json")
/// ```
public struct BenchResults: Sendable, Hashable, Codable {
    public var articles: Int
    public var machine: MachineInfo
    public var builds: [BuildRecord]
    public var cells: [LoadCell]
    /// The daemon's own `took_us` per operation over fixed requests.
    public var serverTimes: [ServerTime]

    public init(articles: Int, machine: MachineInfo, builds: [BuildRecord], cells: [LoadCell], serverTimes: [ServerTime] = []) {
        self.articles = articles
        self.machine = machine
        self.builds = builds
        self.cells = cells
        self.serverTimes = serverTimes
    }

    /// Reads `builds.jsonl`, `cells.jsonl` and `took.jsonl` from `folder` (any may be missing).
    public static func load(folder: String, articles: Int, machine: MachineInfo = .current()) throws -> BenchResults {
        BenchResults(
            articles: articles, machine: machine,
            builds: try JSONLines.read(BuildRecord.self, from: folder + "/builds.jsonl"),
            cells: try JSONLines.read(LoadCell.self, from: folder + "/cells.jsonl"),
            serverTimes: try JSONLines.read(ServerTime.self, from: folder + "/took.jsonl"))
    }

    /// Writes the results as pretty-printed JSON.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The cell of `label` for `operation` at `clients` over `queries` (the operation's own
    /// query file when nil), if it was run.
    public func cell(_ label: String, _ operation: BenchOperation, clients: Int, queries: String? = nil) -> LoadCell? {
        let file = queries ?? operation.queryFile
        return cells.first { $0.label == label && $0.operation == operation && $0.clients == clients && $0.queryFile == file }
    }

    /// The build of `label`, if it was run.
    public func build(_ label: String) -> BuildRecord? {
        builds.first { $0.label == label }
    }
}
