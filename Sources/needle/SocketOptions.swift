import ArgumentParser
import Foundation
import NeedleClient
import NeedleProtocol

/// Options shared by the commands that talk to a daemon.
struct SocketOptions: ParsableArguments {
    @Option(help: "The daemon's socket (default: $NEEDLE_SOCKET, else $XDG_RUNTIME_DIR/needle.sock, else /tmp/needle-$UID.sock).")
    var socket: String?

    @Flag(help: "Print the daemon's JSON reply as it is.")
    var json = false

    var socketPath: String { socket ?? SocketPath.default() }

    /// The client of the daemon on `socketPath`.
    var client: NeedleClient { NeedleClient(socketPath: socketPath) }

    /// Sends one request and returns the reply line; a missing daemon is a one-line error and exit 1.
    func send(_ operation: NeedleProtocol.Operation) async throws -> String {
        do {
            return try await client.replyLine(to: operation)
        } catch let error as ClientError {
            printError("needle: \(error)")
            throw ExitCode.failure
        }
    }

    /// Decodes a reply; an `ok:false` reply is printed as an error and exits 1.
    func decode<Result: Decodable>(_ type: Result.Type, from line: String) throws -> Result {
        do {
            return try NeedleClient.decode(type, from: line)
        } catch let error as ClientError {
            printError("needle: \(error)")
            throw ExitCode.failure
        }
    }
}
