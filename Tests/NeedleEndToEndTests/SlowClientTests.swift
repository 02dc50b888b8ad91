import Foundation
import NeedleBench
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// Clients that stall, never read, or connect and drop do not stop the daemon from serving others.
@Suite(.serialized) struct SlowClientTests {
    /// A well-behaved client's check: a search answered with the right article.
    private func searchIsAnswered(_ daemon: DaemonProcess) async throws -> Bool {
        Reply.slugs(try Reply.object(try await daemon.request(.search(SearchRequest(query: "PCI"))))).first == "microneedling"
    }

    @Test func halfALineThatStallsBlocksOnlyItsOwnConnection() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        try await NeedleConnection.with(socketPath: daemon.socketPath) { staller in
            try await staller.send(Array(#"{"id":1,"op":"sea"#.utf8))
            for _ in 0..<20 { #expect(try await searchIsAnswered(daemon)) }
            try await staller.send(Array(#"rch","q":"PCI"}"#.utf8) + [0x0a])
            let reply = try Reply.object(try #require(try await staller.nextLine()))
            #expect(Reply.slugs(reply).first == "microneedling")
        }
    }

    @Test func aClientThatNeverReadsIsThrottledAndOthersAreServed() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        let before = try #require(ProcessMemory.residentKiB(of: daemon.process.processIdentifier))
        let request = Request(id: .int(1), operation: .search(SearchRequest(query: "acne scars skin", limit: 100))).encodedLine()
        let chunk = Array([[UInt8]](repeating: request, count: 1000).joined())
        let greedy = try RawSocket(path: daemon.socketPath)
        var accepted = 0
        var stalledRounds = 0
        while stalledRounds < 5 && accepted < 64 << 20 {
            let written = greedy.write(chunk)
            accepted += written
            stalledRounds = written == 0 ? stalledRounds + 1 : 0
            if written < chunk.count { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(accepted < 64 << 20, "the daemon kept reading from a client that never reads")
        #expect(try await searchIsAnswered(daemon))
        let after = try #require(ProcessMemory.residentKiB(of: daemon.process.processIdentifier))
        #expect(after - before < 64 * 1024, "RSS grew from \(before) KiB to \(after) KiB")
    }

    @Test func aThousandConnectionsOpenedAndDroppedLeaveTheDaemonServing() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        for round in 0..<1000 {
            let socket = try RawSocket(path: daemon.socketPath)
            if round % 3 == 0 { socket.write(Array(#"{"op":"search","q":"acne"#.utf8)) }
            if round % 3 == 1 { socket.write(Request(id: .int(1), operation: .search(SearchRequest(query: "PCI"))).encodedLine()) }
            if round % 100 == 99 { #expect(try await searchIsAnswered(daemon)) }
        }
        var open = -1
        for _ in 0..<100 {
            open = try Reply.object(try await daemon.request(.stats))["connections"] as? Int ?? -1
            if open == 1 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(open == 1, "connections still counted as open")
        #expect(try await searchIsAnswered(daemon))
    }
}
