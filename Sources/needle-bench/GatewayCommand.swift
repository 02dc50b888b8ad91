import ArgumentParser
import Foundation
import NeedleBench

/// `needle-bench gateway`: what `needle-http` adds to a request over `needled`'s socket.
struct GatewayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Send the same queries over needled's socket and over needle-http, alternating, and print both latencies.")

    @Option(help: "needled's Unix socket.")
    var socket: String

    @Option(help: "needle-http's address (IPv4).")
    var host = "127.0.0.1"

    @Option(help: "needle-http's port.")
    var port: UInt16

    @Option(help: "Queries, one per line.")
    var queries: String

    @Option(help: "search, suggest or ask; repeat or separate by commas for several.")
    var op = "suggest,search"

    @Option(help: "Measured requests per operation and path.")
    var requests = 5000

    @Option(help: "Unmeasured requests first.")
    var warmUp = 500

    func run() throws {
        let lines = try LoadCommand.readQueries(queries)
        print("| op | requests | socket p50 µs | socket p90 µs | HTTP p50 µs | HTTP p90 µs | overhead p50 µs (HTTP p50 − socket p50) | paired overhead p50 µs |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name in op.split(separator: ",") {
            guard let operation = BenchOperation(rawValue: String(name)) else { throw ValidationError("unknown op \(name)") }
            let result = try GatewayOverhead.measure(
                socketPath: socket, host: host, port: port, operation: operation, queries: lines, requests: requests, warmUp: warmUp)
            let cells = [result.socket.p50, result.socket.p90, result.http.p50, result.http.p90,
                         result.overheadP50Microseconds, result.pairedOverheadP50Microseconds].map { String(format: "%.1f", $0) }
            print("| \(operation.rawValue) | \(result.http.count) | " + cells.joined(separator: " | ") + " |")
        }
    }
}
