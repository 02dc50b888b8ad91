import ArgumentParser
import Foundation
import Logging
import NeedleSearch
import NeedleServer
import NeedleServiceOptions
import ServiceLifecycle

/// `needled`: serves a Needle index over a Unix domain socket until SIGTERM or SIGINT.
@main
struct Needled: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needled",
        abstract: "Serve a Needle index over a Unix domain socket (newline-delimited JSON).",
        discussion: """
            SIGHUP reloads the index; SIGTERM or SIGINT stops gracefully. Under systemd socket activation \
            (LISTEN_FDS/LISTEN_PID set) the daemon serves the socket systemd passes and ignores --socket.
            """)

    @Option(help: "The index file to serve.")
    var index = "Index/needle.sqlite"

    @Option(help: "Permission bits of the socket file, in octal.")
    var socketMode = "0660"

    @Option(help: "Give the socket file to this group (name or number), so its members may connect.")
    var socketGroup: String?

    @Option(name: .customLong("allow-uid"), help: "Serve only peers with this user id (repeatable; with --allow-gid, either may match).")
    var allowedUsers: [UInt32] = []

    @Option(name: .customLong("allow-gid"), help: "Serve only peers with this group id (repeatable).")
    var allowedGroups: [UInt32] = []

    @Flag(help: "Run even as root (refused otherwise).")
    var allowRoot = false

    @Option(help: "Read-only SQLite connections; requests run on one event loop per core, so more than that are never used at once.")
    var readers = NeedleServer.defaultReaders

    @Option(name: .customLong("map-index-mib"), help: ArgumentHelp(
        "MiB of the index file each reader maps into memory (SQLite mmap_size); 0 reads through a 2 MiB cache per reader.",
        discussion: "Mapping spares copying pages out of the kernel's page cache, but each reader's mapping counts in the daemon's RSS."))
    var mapIndexMiB = 0

    @Option(help: ArgumentHelp(
        "Connections served at once (default 1024); more are answered with too_many_connections and closed.",
        discussion: "Never more than the file limit (ulimit -n) leaves room for; the daemon says so when it lowers it."))
    var maxConnections: Int?

    @Option(help: "Seconds a connection may stay silent before it is closed.")
    var idleTimeout = 300.0

    @Option(help: "Seconds a request may run before it is interrupted and answered with timeout.")
    var requestTimeout = 10.0

    @Option(help: "Seconds graceful shutdown waits for connections before closing them.")
    var shutdownTimeout = 10.0

    @Option(help: "Answers to repeated search and ask requests kept per index, dropped on reload; 0 turns the cache off.")
    var resultCache = 1024

    @Flag(help: "Reload the index when its file is replaced (checked every second).")
    var watch = false

    /// `--socket` and `--log-level`, as `needle-http` reads them.
    @OptionGroup var service: ServiceOptions

    /// Prepares the process while it still has one thread, then parses and runs.
    static func main() async {
        NeedleServer.prepareProcess()
        await main(nil)
    }

    func validate() throws {
        guard UInt16(socketMode, radix: 8).map({ $0 <= 0o777 }) == true else {
            throw ValidationError("--socket-mode must be octal permission bits such as 0660")
        }
        guard readers >= 1 else { throw ValidationError("--readers must be at least 1") }
        guard mapIndexMiB >= 0 else { throw ValidationError("--map-index-mib must be 0 or more") }
        guard resultCache >= 0 else { throw ValidationError("--result-cache must be 0 or more") }
        guard (maxConnections ?? 1) >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        for (name, seconds) in [("idle", idleTimeout), ("request", requestTimeout), ("shutdown", shutdownTimeout)] {
            guard seconds > 0, seconds.isFinite else { throw ValidationError("--\(name)-timeout must be a positive number of seconds") }
        }
        if let socketGroup, GroupName.id(of: socketGroup) == nil {
            throw ValidationError("--socket-group: no group '\(socketGroup)'")
        }
    }

    func run() async throws {
        let logger = Self.bootstrapLogging(level: service.level)
        guard getuid() != 0 || allowRoot else {
            FileHandle.standardError.write(Data("needled: refusing to run as root; pass --allow-root to run anyway\n".utf8))
            throw ExitCode.failure
        }
        if !SQLiteSetup.disableMemoryStatistics() { logger.warning("SQLite was initialized early; its memory statistics stay on") }
        FileLimit.raiseToHardLimit()
        do {
            let searchIndex = try NeedleServer.openIndex(path: index, readers: readers, mappedBytes: mapIndexMiB << 20)
            var configuration = serverConfiguration()
            configuration.maximumConnections = connectionLimit(logger: logger)
            let server = NeedleServer(configuration: configuration, index: searchIndex, logger: logger)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        } catch {
            FileHandle.standardError.write(Data("needled: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func serverConfiguration() -> ServerConfiguration {
        var configuration = ServerConfiguration(socketPath: service.socketPath)
        configuration.inheritedSocket = SystemdSocket.inherited()
        configuration.socketMode = UInt16(socketMode, radix: 8) ?? 0o660
        configuration.socketGroup = socketGroup.flatMap(GroupName.id(of:))
        configuration.allowedUsers = Set(allowedUsers)
        configuration.allowedGroups = Set(allowedGroups)
        configuration.idleTimeout = .seconds(idleTimeout)
        configuration.requestTimeout = .seconds(requestTimeout)
        configuration.shutdownTimeout = .seconds(shutdownTimeout)
        configuration.watchInterval = watch ? .seconds(1) : nil
        configuration.resultCacheCapacity = resultCache
        return configuration
    }

    /// `--max-connections` (1024 by default), lowered to what the file limit leaves room for.
    private func connectionLimit(logger: Logger) -> Int {
        let wanted = maxConnections ?? 1024
        let capacity = FileLimit.connectionCapacity(readers: readers)
        guard wanted > capacity else { return wanted }
        logger.warning("the file limit leaves room for fewer connections; more are refused with too_many_connections", metadata: [
            "max_connections": "\(capacity)", "asked": "\(wanted)",
            "hint": "raise ulimit -n (LimitNOFILE= under systemd) to serve more",
        ])
        return capacity
    }

    private static func bootstrapLogging(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "needled")
    }
}
