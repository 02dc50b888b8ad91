import ArgumentParser
import Foundation
import NeedleClient
import NeedleProtocol

/// Options shared by the commands that talk to a daemon.
struct SocketOptions: ParsableArguments {
    @Option(help: "The daemon's socket (default: $NEEDLE_SOCKET, else $XDG_RUNTIME_DIR/needle.sock, else /tmp/needle-$UID/needle.sock).")
    var socket: String?

    @Option(help: "The user (name or number) the daemon must run as; by default your own. Root is always trusted.")
    var daemonUser: String?

    @Flag(help: "Print the daemon's JSON reply as it is.")
    var json = false

    var socketPath: String { socket ?? SocketPath.default() }

    func validate() throws {
        if let daemonUser, UserName.id(of: daemonUser) == nil { throw ValidationError("--daemon-user: no user '\(daemonUser)'") }
    }

    private var peerCheck: DaemonPeerCheck {
        daemonUser.flatMap(UserName.id(of:)).map { DaemonPeerCheck(user: $0) } ?? DaemonPeerCheck()
    }

    /// The client of the daemon on `socketPath`, trusting the user `--daemon-user` names.
    var client: NeedleClient { NeedleClient(socketPath: socketPath, peerCheck: peerCheck) }

    /// Sends one request and returns the reply line; a missing daemon is a one-line error and exit 1.
    func send(_ operation: NeedleProtocol.Operation) async throws -> String {
        do {
            return try await client.replyLine(to: operation)
        } catch let error as ClientError {
            printError("needle: \(error)")
            throw ExitCode.failure
        } catch let error as UntrustedDaemon {
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
