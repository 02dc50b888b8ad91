import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import NeedleHTTP
import NeedleSearch
import NeedleServer
import NeedleServiceOptions

/// `needle-http`: the HTTP/JSON gateway to a running `needled` or, with `--in-process`, to the
/// index file opened in this process; and the search page at `/`.
@main
struct NeedleHTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needle-http",
        abstract: "Serve Needle over HTTP/JSON and the search page, talking to needled over its socket or opening the index itself.",
        discussion: """
            Routes: / (the page), /search, /suggest, /ask, /articles/{slug}, /health, /metrics, /openapi.json. \
            With --in-process, SIGHUP reloads the index.
            """)

    @Option(help: "The index file needled serves, read for /articles/{slug}; with --in-process, the index served.")
    var index = "Index/needle.sqlite"

    @Flag(help: "Open --index in this process and answer from it as needled would, with no needled and no socket round trip.")
    var inProcess = false

    @Flag(help: "With --in-process: reload the index when its file is replaced (checked every second).")
    var watch = false

    @Option(help: "Address to listen on; the default serves this machine only.")
    var host = "127.0.0.1"

    @Option(help: "TCP port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(help: "Persistent connections to needled.")
    var connections = 4

    @Option(help: "Requests per second each client address may make on average; 0 turns the limit off.")
    var rateLimit = 50.0

    @Option(help: "Requests a client may make at once above that average.")
    var burst = 100.0

    /// `--socket` and `--log-level`, as `needled` reads them.
    @OptionGroup var service: ServiceOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard connections >= 1 else { throw ValidationError("--connections must be at least 1") }
        guard rateLimit >= 0, rateLimit.isFinite, burst >= 1, burst.isFinite else {
            throw ValidationError("--rate-limit must be 0 or more and --burst at least 1")
        }
        guard !inProcess || service.socket == nil else { throw ValidationError("--socket and --in-process exclude each other") }
        guard inProcess || !watch else { throw ValidationError("--watch needs --in-process; needled reloads its own index") }
    }

    func run() async throws {
        // Tasks run on the event loops that do the I/O: a request's hops between the HTTP
        // connection, the handler and the daemon connection stay on these threads instead of
        // waking Swift concurrency's pool for each.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var logger = Logger(label: "needle-http")
        logger.logLevel = service.level
        let configuration = GatewayConfiguration(
            socketPath: service.socketPath, indexPath: index, connections: connections, requestsPerSecond: rateLimit, burst: burst)
        guard inProcess else {
            return try await serve(Gateway(configuration: configuration), logger: logger)
        }
        // As needled does before its first connection: SQLite's memory statistics take a global
        // mutex on every allocation of every search.
        if !SQLiteSetup.disableMemoryStatistics() { logger.warning("SQLite was initialized early; its memory statistics stay on") }
        let responder: IndexResponder
        do {
            responder = IndexResponder(index: try NeedleServer.openIndex(path: index), logger: logger)
        } catch {
            FileHandle.standardError.write(Data("needle-http: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let reloading = await responder.startReloading(watchInterval: watch ? .seconds(1) : nil)
        defer { reloading.cancel() }
        try await serve(Gateway(configuration: configuration, backend: .inProcess(responder)), logger: logger)
    }

    private func serve(_ gateway: Gateway, logger: Logger) async throws {
        let app = Application(
            router: gateway.router(), server: gateway.server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: Gateway.serverName),
            onServerRunning: { [host] channel in
                let port = channel.localAddress?.port ?? 0
                let line = "needle-http: listening on http://\(host):\(port)/ (\(gateway.backend.description))\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            },
            logger: logger)
        try await app.runService()
        await gateway.backend.close()
    }
}
