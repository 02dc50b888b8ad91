import ArgumentParser
import Foundation
import NeedleBench

/// `needle-bench load`: closed-loop clients against one daemon, one cell per client count.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Drive a daemon with N closed-loop clients and print one JSON line per client count.")

    @Option(help: "The daemon's Unix socket.")
    var socket: String

    @Option(help: "search, suggest or ask.")
    var op: BenchOperation = .search

    @Option(help: "Stop each run once this many requests were measured (all clients together); --seconds still bounds it.")
    var requests: Int?

    @Option(help: "Name of the daemon in the results (needle, limitd).")
    var label = "needle"

    @Option(help: "The daemon's pid, to record its resident memory after each run.")
    var pid: Int32?

    @OptionGroup var runs: RunOptions

    func validate() throws {
        if let requests, requests < 1 { throw ValidationError("--requests must be at least 1") }
    }

    func run() throws {
        let load = ClosedLoopLoad(socketPath: socket, operation: op, queries: try Self.readQueries(runs.queries))
        for count in runs.clientCounts {
            var cell = try load.run(label: label, clients: count, warmUp: runs.warmUp, seconds: runs.seconds, requests: requests)
            cell.queries = URL(fileURLWithPath: runs.queries).lastPathComponent
            cell.daemonRSSKiB = pid.flatMap(ProcessMemory.residentKiB(of:))
            print(Self.summary(cell))
            if let out = runs.out { try JSONLines.append(cell, to: out) }
            if !cell.supported { break }
        }
    }

    static func readQueries(_ path: String) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BenchError.unreadable(path: path, reason: error.localizedDescription)
        }
        let queries = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        guard !queries.isEmpty else { throw BenchError.noQueries(path: path) }
        return queries
    }

    static func summary(_ cell: LoadCell) -> String {
        let head = "\(cell.label) \(cell.operation.rawValue) \(cell.queryFile) clients=\(cell.clients)"
        guard cell.supported else { return "\(head): not supported (unknown_op)" }
        let l = cell.latency
        let rss = cell.daemonRSSKiB.map { String(format: " rss=%.1fMiB", Double($0) / 1_024) } ?? ""
        return String(format: "%@: qps=%.0f p50=%.0fus p90=%.0fus p99=%.0fus max=%.0fus errors=%d%@",
                      head, cell.qps, l.p50, l.p90, l.p99, l.max, cell.errors, rss)
    }
}

extension BenchOperation: ExpressibleByArgument {}
