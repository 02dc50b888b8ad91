import ArgumentParser
import Foundation
import Logging
import NeedleProtocol
import NeedleSearch
import NeedleServer
import ServiceLifecycle

/// `needled`: serves a Needle index over a Unix domain socket until SIGTERM or SIGINT.
@main
struct Needled: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needled",
        abstract: "Serve a Needle index over a Unix domain socket (newline-delimited JSON).")

    @Option(help: "The index file to serve.")
    var index = "Index/needle.sqlite"

    @Option(help: "The socket path (default: $NEEDLE_SOCKET, else $XDG_RUNTIME_DIR/needle.sock, else /tmp/needle-$UID.sock).")
    var socket: String?

    @Option(help: "Permission bits of the socket file, in octal.")
    var socketMode = "0660"

    @Option(help: "Concurrent read-only SQLite connections.")
    var readers = 4

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard UInt16(socketMode, radix: 8).map({ $0 <= 0o777 }) == true else {
            throw ValidationError("--socket-mode must be octal permission bits such as 0660")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard readers >= 1 else { throw ValidationError("--readers must be at least 1") }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "needled")
        var configuration = ServerConfiguration(socketPath: socket ?? SocketPath.default())
        configuration.socketMode = UInt16(socketMode, radix: 8) ?? 0o660
        do {
            let searchIndex = try SearchIndex.open(path: index, readers: readers)
            let server = NeedleServer(configuration: configuration, index: searchIndex, readers: readers, logger: logger)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            FileHandle.standardError.write(Data("needled: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
