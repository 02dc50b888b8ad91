import ArgumentParser
import Foundation
import NeedleProtocol

/// `needle stats`: what the daemon serves and how busy it has been.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show the daemon's counters and index.")

    @OptionGroup var socketOptions: SocketOptions

    @Flag(help: "Print the daemon's metrics in the Prometheus text format (for a node-exporter textfile or a scraper).")
    var prometheus = false

    func run() async throws {
        if prometheus {
            let line = try await socketOptions.send(.metrics)
            print(socketOptions.json ? line : try socketOptions.decode(MetricsReply.self, from: line).prometheus, terminator: socketOptions.json ? "\n" : "")
            return
        }
        let line = try await socketOptions.send(.stats)
        let stats = try socketOptions.decode(StatsResult.self, from: line)
        if socketOptions.json {
            print(line)
            return
        }
        print("""
            uptime       \(Int(stats.uptimeSeconds)) s
            requests     \(stats.requests) (\(stats.errors ?? 0) errors)
            reloads      \(stats.reloads ?? 0) (\(stats.reloadFailures ?? 0) refused)
            connections  \(stats.connections)
            index        \(stats.index.path)
            built        \(stats.index.meta.builtAt) (schema \(stats.index.meta.schemaVersion), corpus \(stats.index.meta.corpusDigest))
            contents     \(stats.index.meta.articles) articles, \(stats.index.meta.passages) passages, \(stats.index.meta.synonyms) synonym rules
            """)
        if let cache = stats.resultCache {
            print(cache.capacity == 0 ? "cache        off" : String(
                format: "cache        %d answers kept (of %d per op), %d hits, %d misses, hit rate %.1f%%",
                cache.entries, cache.capacity, cache.hits, cache.misses, cache.hitRate * 100))
        }
        for (op, numbers) in (stats.ops ?? [:]).sorted(by: { $0.key < $1.key }) where numbers.requests > 0 {
            print("op \(op.padding(toLength: 9, withPad: " ", startingAt: 0)) \(numbers.requests) requests, \(numbers.errors) errors, "
                + "p50 \(numbers.p50Microseconds) µs, p90 \(numbers.p90Microseconds) µs, p99 \(numbers.p99Microseconds) µs")
        }
    }

    private struct MetricsReply: Decodable {
        var prometheus: String
    }
}
