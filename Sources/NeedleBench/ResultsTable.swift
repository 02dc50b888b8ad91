import Foundation

/// Renders ``BenchResults`` as Markdown tables, with Needle-to-limitd ratios.
///
/// ```swift
/// print(ResultsTable(results).markdown)
/// ```
/// A ratio above 1 means Needle is faster (QPS) or slower (latency, time, size).
/// A cell the daemon did not support reads `not supported`; one never run reads `–`.
public struct ResultsTable: Sendable {
    public let results: BenchResults
    /// The label of the daemon under test and of the floor it is compared with.
    public let subject: String
    public let floor: String

    public init(_ results: BenchResults, subject: String = "needle", floor: String = "limitd") {
        self.results = results
        self.subject = subject
        self.floor = floor
    }

    /// The tables under one heading: builds, load against the floor, against the in-process
    /// anchor (``AnchorTable``) when it was measured, and other runs.
    public var markdown: String {
        let tables = [
            results.builds.isEmpty ? "" : buildTable, results.cells.isEmpty ? "" : loadTable,
            AnchorTable(results, subject: subject).markdown, otherRuns, serverTimeTable,
        ].filter { !$0.isEmpty }
        return "### \(results.articles) articles\n\n" + tables.joined(separator: "\n\n") + "\n"
    }

    /// The daemon's own `took_us` per operation, when measured (``ServerTime``).
    public var serverTimeTable: String {
        guard !results.serverTimes.isEmpty else { return "" }
        var lines = [
            "| run | op | requests | rounds | took_us p50 | p90 | p99 | max |", "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for time in results.serverTimes {
            let figures = [time.took.p50, time.took.p90, time.took.p99, time.took.max].map { Self.fixed($0, 0) }
            lines.append("| \(time.label) (\(time.queries)) | \(time.operation.rawValue) | \(time.requests) | \(time.rounds) | " + figures.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Runs under other labels (a long soak run, say): replies, QPS, p99 and the daemon's memory after.
    public var otherRuns: String {
        let compared = [subject, floor, AnchorTable(results).anchor]
        let cells = results.cells.filter { !compared.contains($0.label) && $0.supported }
        guard !cells.isEmpty else { return "" }
        var lines = ["| run | op | clients | replies | QPS | p99 µs | RSS MiB after |", "|---|---|---:|---:|---:|---:|---:|"]
        for cell in cells {
            let rss = cell.daemonRSSKiB.map { Self.mebibytes(kibibytes: $0) } ?? "–"
            lines.append("| \(cell.label) | \(cell.operation.rawValue) | \(cell.clients) | \(cell.replies) | \(Self.fixed(cell.qps, 0)) | \(Self.fixed(cell.latency.p99, 1)) | \(rss) |")
        }
        return lines.joined(separator: "\n")
    }

    /// One row per builder, with the time ratio to the floor's build.
    public var buildTable: String {
        var lines = [
            "| builder | time s | CPU s | peak RSS MiB | index MiB | time ratio | CPU ratio |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        let floorBuild = results.build(floor)
        for build in results.builds {
            let ratio = floorBuild.map { Self.ratio(build.seconds, $0.seconds) } ?? "–"
            let cpuRatio = floorBuild.map { Self.ratio(build.cpuSeconds, $0.cpuSeconds) } ?? "–"
            let failed = build.exitStatus == 0 ? "" : " (exit \(build.exitStatus))"
            let figures = [
                Self.fixed(build.seconds, 2), Self.fixed(build.cpuSeconds, 2), Self.mebibytes(kibibytes: build.peakRSSKiB),
                Self.fixed(Double(build.indexBytes) / 1_048_576, 1), ratio, cpuRatio,
            ]
            lines.append("| \(build.label)\(failed) | " + figures.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// One row per operation and client count: the subject's figures, the floor's, and their ratios.
    public var loadTable: String {
        var lines = [
            "| op | clients | \(subject) QPS | p50 µs | p90 µs | p99 µs | \(floor) QPS | \(floor) p99 µs | QPS ratio | p99 ratio | \(subject) RSS MiB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for operation in BenchOperation.allCases {
            for clients in clientCounts(operation) {
                lines.append(row(operation, clients: clients))
            }
        }
        return lines.joined(separator: "\n")
    }

    private func clientCounts(_ operation: BenchOperation) -> [Int] {
        Set(results.cells.filter {
            $0.operation == operation && $0.queryFile == operation.queryFile && [subject, floor].contains($0.label)
        }.map(\.clients)).sorted()
    }

    private func row(_ operation: BenchOperation, clients: Int) -> String {
        let mine = results.cell(subject, operation, clients: clients)
        let theirs = results.cell(floor, operation, clients: clients)
        var fields = [operation.rawValue, String(clients)]
        fields += Self.figures(mine, [\.qps, \.latency.p50, \.latency.p90, \.latency.p99])
        fields += Self.figures(theirs, [\.qps, \.latency.p99])
        fields.append(Self.ratio(mine, theirs, \.qps))
        fields.append(Self.ratio(mine, theirs, \.latency.p99))
        fields.append(mine?.daemonRSSKiB.map { Self.mebibytes(kibibytes: $0) } ?? "–")
        return "| " + fields.joined(separator: " | ") + " |"
    }

    private static func figures(_ cell: LoadCell?, _ paths: [KeyPath<LoadCell, Double>]) -> [String] {
        guard let cell else { return paths.map { _ in "–" } }
        guard cell.supported else { return paths.map { _ in "not supported" } }
        let errors = cell.errors > 0 ? " (\(cell.errors) errors)" : ""
        return paths.enumerated().map { index, path in
            Self.fixed(cell[keyPath: path], path == \LoadCell.qps ? 0 : 1) + (index == 0 ? errors : "")
        }
    }

    private static func ratio(_ mine: LoadCell?, _ theirs: LoadCell?, _ path: KeyPath<LoadCell, Double>) -> String {
        guard let mine, let theirs, mine.supported, theirs.supported else { return "–" }
        return ratio(mine[keyPath: path], theirs[keyPath: path])
    }

    /// `a / b` as `1.23×`, or `–` when `b` is zero.
    public static func ratio(_ a: Double, _ b: Double) -> String {
        b > 0 ? fixed(a / b, 2) + "×" : "–"
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func mebibytes(kibibytes: Int) -> String {
        fixed(Double(kibibytes) / 1_024, 1)
    }
}
