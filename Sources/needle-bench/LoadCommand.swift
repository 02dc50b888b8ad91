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

    @Option(help: "Queries, one per line.")
    var queries: String

    @Option(help: "search, suggest or ask.")
    var op: BenchOperation = .search

    @Option(help: "Client counts, one run each, e.g. 1,2,8.")
    var clients = "1,2,8"

    @Option(help: "Measured seconds per run.")
    var seconds = 5.0

    @Option(help: "Stop each run once this many requests were measured (all clients together); --seconds still bounds it.")
    var requests: Int?

    @Option(help: "Seconds of warm-up before measuring.")
    var warmUp = 1.0

    @Option(help: "Name of the daemon in the results (needle, limitd).")
    var label = "needle"

    @Option(help: "The daemon's pid, to record its resident memory after each run.")
    var pid: Int32?

    @Option(help: "Append each result as a JSON line to this file.")
    var out: String?

    func validate() throws {
        guard !clientCounts.isEmpty, clientCounts.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--clients must be positive numbers separated by commas, like 1,2,8")
        }
        guard seconds > 0, warmUp >= 0 else { throw ValidationError("--seconds must be positive and --warm-up not negative") }
        if let requests, requests < 1 { throw ValidationError("--requests must be at least 1") }
    }

    var clientCounts: [Int] { clients.split(separator: ",").compactMap { Int($0) } }

    func run() throws {
        let load = ClosedLoopLoad(socketPath: socket, operation: op, queries: try Self.readQueries(queries))
        for count in clientCounts {
            var cell = try load.run(label: label, clients: count, warmUp: warmUp, seconds: seconds, requests: requests)
            cell.queries = URL(fileURLWithPath: queries).lastPathComponent
            cell.daemonRSSKiB = pid.flatMap(ProcessMemory.residentKiB(of:))
            print(Self.summary(cell))
            if let out { try JSONLines.append(cell, to: out) }
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
