import Foundation
import NIOCore
import NeedleHTTP
import NeedleProtocol
import NeedleTesting
import Testing

/// The pool's connections to `needled`: replies matched to requests, a hung daemon caught.
@Suite struct DaemonConnectionPoolTests {
    /// A socket that is listened on and never answered: the kernel accepts the connection and
    /// takes the request's bytes, so only the reply timeout can end the wait.
    private static func silentListener(at path: String) throws -> Int32 {
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let bound = UnixSocketAddress(path: path)?.withSockaddr { bind(listener, $0, $1) } ?? -1
        guard listener >= 0, bound == 0, listen(listener, 16) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE)
        }
        return listener
    }

    @Test func aDaemonThatNeverRepliesFailsEveryWaitingRequestAfterTheReplyTimeout() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-http")
        defer { directory.remove() }
        let listener = try Self.silentListener(at: directory.file("hung.sock"))
        defer { close(listener) }
        let pool = DaemonConnectionPool(socketPath: directory.file("hung.sock"), size: 1, replyTimeout: .milliseconds(200))
        let statuses = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    do {
                        _ = try await pool.send(Request(id: nil, operation: .ping))
                        return nil
                    } catch let error as GatewayError {
                        return Int(error.status.code)
                    } catch {
                        return -1
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == [502, 502, 502])
        await pool.close()
    }

    @Test func repliesComeBackToTheirRequestsAndTheConnectionIsReused() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-http")
        defer { directory.remove() }
        let socket = directory.file("needle.sock")
        let daemon = try await DaemonProcess.start(index: GatewayFixture.corpus.indexPath, socketPath: socket)
        defer { daemon.kill() }
        let pool = DaemonConnectionPool(socketPath: socket, size: 2, replyTimeout: .seconds(30))
        var connectionsOpened: [Int] = []
        for round in 0..<3 {
            let replies = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for number in 0..<8 {
                    group.addTask {
                        let reply = try await pool.send(Request(id: .int(Int64(number)), operation: .ping))
                        return (number, String(buffer: reply))
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(replies.count == 8)
            for (number, reply) in replies {
                #expect(reply.contains("\"id\":\(number)"), "round \(round): \(reply)")
            }
            let stats = try await pool.send(Request(id: nil, operation: .stats))
            let object = try JSONSerialization.jsonObject(with: Data(stats.readableBytesView)) as? [String: Any]
            connectionsOpened.append(object?["connections_total"] as? Int ?? -1)
        }
        // No connection was opened after the first round's.
        #expect(Set(connectionsOpened).count == 1, "\(connectionsOpened)")
        #expect(connectionsOpened[0] > 0)
        await pool.close()
    }
}
