import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// Graceful shutdown under load: every request sent before SIGTERM is answered, and the
/// shutdown timeout bounds a client that never lets its connection drain.
@Suite(.serialized) struct ShutdownTests {
    /// Waits up to `limit` for the process to exit; false when it is still running.
    private func exits(_ daemon: DaemonProcess, within limit: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while daemon.process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return !daemon.process.isRunning
    }

    @Test func sigTermUnderLoadAnswersEveryRequestSentBeforeIt() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        let signalled = Flag()
        let answered = SharedCount()
        let unanswered = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<6 {
                group.addTask {
                    try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
                        var nextID = 0
                        while !signalled.isSet {
                            let ids = (0..<5).map { _ in
                                nextID += 1
                                return nextID
                            }
                            let query = client % 2 == 0 ? "PCI" : "botox"
                            try await connection.send(ids.flatMap {
                                Request(id: .int(Int64($0)), operation: .search(SearchRequest(query: query))).encodedLine()
                            })
                            for (position, id) in ids.enumerated() {
                                guard let line = try await connection.nextLine() else { return ids.count - position }
                                let reply = try Reply.object(line)
                                guard reply["ok"] as? Bool == true, reply["id"] as? Int == id else { return 1 }
                                answered.add(1)
                            }
                        }
                        return 0
                    }
                }
            }
            while answered.value < 300 { try await Task.sleep(for: .milliseconds(10)) }
            kill(daemon.process.processIdentifier, SIGTERM)
            signalled.set()
            return try await group.reduce(0, +)
        }
        #expect(unanswered == 0)
        #expect(answered.value >= 300)
        #expect(try await exits(daemon, within: .seconds(30)))
        #expect(daemon.process.terminationStatus == 0)
    }

    @Test func theShutdownTimeoutClosesAConnectionThatNeverDrains() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: ["--shutdown-timeout", "1"])
        defer { daemon.kill() }
        let request = Request(id: .int(1), operation: .search(SearchRequest(query: "acne scars skin", limit: 100))).encodedLine()
        let greedy = try RawSocket(path: daemon.socketPath)
        for _ in 0..<20 where greedy.write(Array([[UInt8]](repeating: request, count: 1000).joined())) > 0 {
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(daemon.process.processIdentifier, SIGTERM)
        #expect(try await exits(daemon, within: .seconds(30)), "needled still running long after its shutdown timeout")
        #expect(daemon.process.terminationStatus == 0)
    }
}
