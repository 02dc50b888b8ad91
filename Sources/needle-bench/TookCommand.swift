import ArgumentParser
import Foundation
import NeedleBench

/// `needle-bench took`: the daemon's own `took_us` per operation over fixed requests (the
/// lay evaluation lines, the README's examples), one request at a time.
struct TookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "took",
        abstract: "Summarize the took_us a daemon reports per operation over requests read from evaluation-format files.")

    @Option(help: "The daemon's Unix socket.")
    var socket: String

    @Option(name: .customLong("queries"), help: "A file of requests: tab-separated op and text per line (repeatable).")
    var files: [String]

    @Option(help: "Counted rounds over every request (one more warms up).")
    var rounds = 20

    @Option(help: "Name of the daemon in the results.")
    var label = "needle"

    @Option(help: "Append each operation's figures as a JSON line to this file.")
    var out: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one --queries file") }
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        var lines: [(operation: BenchOperation, query: String)] = []
        for file in files {
            lines += ServerTimeRun.parse(try LoadCommand.readQueries(file).joined(separator: "\n"))
        }
        guard !lines.isEmpty else { throw BenchError.noQueries(path: files.joined(separator: ", ")) }
        let names = files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " + ")
        let times = try ServerTimeRun(socketPath: socket, lines: lines).measure(label: label, queries: names, rounds: rounds)
        for time in times {
            print(String(format: "%@ %@ took_us over %d requests × %d: p50=%.0f p90=%.0f p99=%.0f max=%.0f",
                         time.label, time.operation.rawValue, time.requests, time.rounds,
                         time.took.p50, time.took.p90, time.took.p99, time.took.max))
            if let out { try JSONLines.append(time, to: out) }
        }
    }
}
