import ArgumentParser
import Logging
import NeedleProtocol

/// The command-line options the long-running services share, `needled` and `needle-http`:
/// the socket `needled` serves (and the gateway connects to) and how much each logs.
///
/// ```swift
/// @OptionGroup var service: ServiceOptions
/// service.socketPath   // --socket, else SocketPath.default()
/// service.level        // --log-level as a Logger.Level
/// ```
public struct ServiceOptions: ParsableArguments {
    @Option(help: """
        needled's socket (default: $NEEDLE_SOCKET, else $XDG_RUNTIME_DIR/needle.sock, else \
        /tmp/needle-$UID/needle.sock, a folder of mode 0700).
        """)
    public var socket: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    public var logLevel = "info"

    public init() {}

    public func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    /// `--socket`, else the path every Needle tool defaults to.
    public var socketPath: String { socket ?? SocketPath.default() }

    /// `--log-level`, which ``validate()`` has checked.
    public var level: Logger.Level { Logger.Level(rawValue: logLevel) ?? .info }
}
