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

    public init(articles: Int, machine: MachineInfo, builds: [BuildRecord], cells: [LoadCell]) {
        self.articles = articles
        self.machine = machine
        self.builds = builds
        self.cells = cells
    }

    /// Reads `builds.jsonl` and `cells.jsonl` from `folder` (either may be missing).
    public static func load(folder: String, articles: Int, machine: MachineInfo = .current()) throws -> BenchResults {
        BenchResults(
            articles: articles, machine: machine,
            builds: try JSONLines.read(BuildRecord.self, from: folder + "/builds.jsonl"),
            cells: try JSONLines.read(LoadCell.self, from: folder + "/cells.jsonl"))
    }

    /// Writes the results as pretty-printed JSON.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The cell of `label` for `operation` at `clients`, if it was run.
    public func cell(_ label: String, _ operation: BenchOperation, clients: Int) -> LoadCell? {
        cells.first { $0.label == label && $0.operation == operation && $0.clients == clients }
    }

    /// The build of `label`, if it was run.
    public func build(_ label: String) -> BuildRecord? {
        builds.first { $0.label == label }
    }
}
