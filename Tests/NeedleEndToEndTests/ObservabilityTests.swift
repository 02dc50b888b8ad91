import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// What the daemon tells its operator: `stats` per op, the `metrics` op, `needle stats --prometheus`.
@Suite(.serialized) struct ObservabilityTests {
    @Test func statsCountRequestsAndErrorsByOpWithPercentiles() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            for id in 0..<10 { _ = try await connection.request(Request(id: .int(Int64(id)), operation: .search(SearchRequest(query: "PCI")))) }
            try await connection.send(Array("not json\n".utf8))
            _ = try await connection.nextLine()
        }
        let stats = try Reply.object(try await daemon.request(.stats))
        let ops = try #require(stats["ops"] as? [String: [String: Any]])
        let search = try #require(ops["search"])
        #expect(search["requests"] as? Int == 10)
        #expect(search["errors"] as? Int == 0)
        let p50 = try #require(search["p50_us"] as? Int)
        let p99 = try #require(search["p99_us"] as? Int)
        #expect(p50 > 0)
        #expect(p50 <= p99)
        #expect(ops["invalid"]?["errors"] as? Int == 1)
        #expect(stats["errors"] as? Int == 1)
        #expect((stats["connections_total"] as? Int ?? 0) >= 2)
        #expect(stats["reloads"] as? Int == 0)
    }

    @Test func theMetricsOpAnswersPrometheusText() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        _ = try await daemon.request(.search(SearchRequest(query: "botox")))
        let reply = try Reply.object(try await daemon.request(.metrics))
        let text = try #require(reply["prometheus"] as? String)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains(#"needle_requests_total{op="search"} 1"#))
        #expect(lines.contains("needle_index_articles 5.0"))
        #expect(lines.contains { $0.hasPrefix(#"needle_request_duration_seconds_bucket{op="search",le="+Inf"} 1"#) })
        #expect(lines.contains { $0.hasPrefix("needle_connections ") })
        for line in lines where !line.hasPrefix("#") {
            #expect(line.split(separator: " ").count == 2, "not a sample line: \(line)")
        }
    }

    @Test func needleStatsPrintsPrometheusText() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        let run = try CommandRun.run("needle", ["stats", "--prometheus", "--socket", daemon.socketPath])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("# TYPE needle_requests_total counter"))
        #expect(run.standardOutput.contains("needle_request_duration_seconds_count{op=\"ping\"}"))
    }
}
