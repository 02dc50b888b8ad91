import Foundation
import NeedleBench
import NeedleProtocol
import Testing

@Suite struct ClosedLoopLoadTests {
    @Test func everyClientsRepliesAreCountedAndTimed() throws {
        let daemon = try ScriptedDaemon(reply: #"{"hits":[],"id":1,"ok":true}"#)
        defer { daemon.stop() }
        let load = ClosedLoopLoad(socketPath: daemon.path, operation: .search, queries: ["acne", "peel"])
        let cell = try load.run(label: "needle", clients: 2, warmUp: 0, seconds: 0.2)
        #expect(cell.supported)
        #expect(cell.replies > 0)
        #expect(cell.errors == 0)
        #expect(cell.latency.count == cell.replies)
        let lines = daemon.requests.joined().split(separator: "\n")
        let sent = lines.map { try? RequestDecoder.decode(Array($0.utf8)).get().operation }
        #expect(!sent.isEmpty)
        #expect(sent.allSatisfy { $0 == .search(SearchRequest(query: "acne")) || $0 == .search(SearchRequest(query: "peel")) })
    }

    @Test func anUnknownOpMarksTheOperationUnsupported() throws {
        let daemon = try ScriptedDaemon(reply: #"{"error":{"code":"unknown_op","message":"ask"},"id":1,"ok":false}"#)
        defer { daemon.stop() }
        let cell = try ClosedLoopLoad(socketPath: daemon.path, operation: .ask, queries: ["why?"])
            .run(label: "needle", clients: 1, warmUp: 0, seconds: 0.2)
        #expect(!cell.supported)
        #expect(cell.replies == 0)
    }

    @Test func otherErrorsAreCountedNotTimed() throws {
        let daemon = try ScriptedDaemon(reply: #"{"error":{"code":"bad_request","message":"q"},"id":1,"ok":false}"#)
        defer { daemon.stop() }
        let cell = try ClosedLoopLoad(socketPath: daemon.path, operation: .suggest, queries: ["mi"])
            .run(label: "needle", clients: 1, warmUp: 0, seconds: 0.2)
        #expect(cell.supported)
        #expect(cell.errors > 0)
        #expect(cell.replies == 0)
    }

    @Test func aMissingSocketIsAnError() {
        #expect(throws: BenchError.self) {
            try ClosedLoopLoad(socketPath: "/nonexistent/needle.sock", operation: .search, queries: ["acne"])
                .run(label: "needle", clients: 1, warmUp: 0, seconds: 0.1)
        }
    }
}

@Suite struct ClosedLoopLoadRequestCountTests {
    @Test func aRequestCountEndsTheRunWhenReached() throws {
        let daemon = try ScriptedDaemon(reply: #"{"hits":[],"id":1,"ok":true}"#)
        defer { daemon.stop() }
        let cell = try ClosedLoopLoad(socketPath: daemon.path, operation: .search, queries: ["acne"])
            .run(label: "needle", clients: 3, warmUp: 0, seconds: 60, requests: 301)
        #expect(cell.replies == 301)
        #expect(cell.seconds > 0 && cell.seconds < 60)
        #expect(cell.qps == Double(cell.replies) / cell.seconds)
    }
}
