import Foundation
import NeedleProtocol
import NeedleTesting
import Testing

/// A client that sends its requests and closes its side at once (`echo … | nc -U`) gets
/// every reply, in order, and then the end of the connection.
@Suite struct HalfCloseTests {
    /// Around 16, the requests the daemon answers in a row before serving other connections.
    @Test(arguments: [1, 15, 16, 17, 33, 300])
    func aBurstThenHalfCloseGetsEveryReplyThenTheEnd(requests: Int) async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        var burst: [UInt8] = []
        for id in 0..<requests {
            let operation: NeedleProtocol.Operation = id % 2 == 0 ? .ping : .search(SearchRequest(query: "PCI"))
            burst += Request(id: .int(Int64(id)), operation: operation).encodedLine()
        }
        let socket = try RawSocket(path: daemon.socketPath)
        #expect(socket.write(burst) == burst.count)
        socket.closeWriting()
        let received = try #require(socket.readToEnd(timeout: 20), "the connection stayed open")
        let lines = received.split(separator: UInt8(ascii: "\n"))
        let ids = try lines.map { try Reply.object(String(decoding: $0, as: UTF8.self))["id"] as? Int }
        #expect(ids == Array(0..<requests))
        #expect(try lines.allSatisfy { try Reply.object(String(decoding: $0, as: UTF8.self))["ok"] as? Bool == true })
    }
}
