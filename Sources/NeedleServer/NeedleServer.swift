import Logging
import NIOCore
import NIOExtras
import NIOPosix
import NeedleProtocol
import NeedleSearch
import ServiceLifecycle

/// The Needle daemon: serves an index over a Unix domain socket, one JSON request per line.
///
/// A `Service` for swift-service-lifecycle. `run()` binds the socket (or takes the one
/// systemd passed) and serves until graceful shutdown (SIGTERM/SIGINT through a
/// `ServiceGroup`); then it stops accepting, lets every connection answer the requests it
/// has already read — closing those still open after the shutdown timeout — removes the
/// socket file and returns. SIGHUP (and, when watching, a replaced index file) reloads the index.
///
/// ```swift
/// let server = NeedleServer(configuration: .init(socketPath: "/tmp/n.sock"), index: index, logger: logger)
/// let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
public final class NeedleServer: Service, Sendable {
    public let configuration: ServerConfiguration
    private let responder: IndexResponder
    private let admission: ConnectionAdmission
    private let connections = ConnectionRegistry()
    private let logger: Logger
    private let eventLoopGroup: MultiThreadedEventLoopGroup

    public init(configuration: ServerConfiguration, index: SearchIndex, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.eventLoopGroup = .singleton
        let metrics = ServerMetrics()
        self.responder = IndexResponder(index: index, configuration: configuration, metrics: metrics, logger: logger)
        self.admission = ConnectionAdmission(configuration: configuration, connections: connections, metrics: metrics, logger: logger)
    }

    /// Opens the index at `path` and checks it the way a reload does (schema, meta, probe search).
    /// See ``NeedleSearch/SearchIndex/open(path:readers:mappedBytes:weights:)`` for the arguments.
    public static func openIndex(path: String, readers: Int = defaultReaders, mappedBytes: Int = 0) throws -> SearchIndex {
        try IndexCheck.open(path: path, readers: readers, mappedBytes: mappedBytes)
    }

    /// Process-wide settings a daemon makes first, while it has one thread: one malloc arena
    /// for the main thread and one per event loop (``HeapTuning``).
    public static func prepareProcess() {
        HeapTuning.limitArenas(eventLoops: NIOSingletons.groupLoopCountSuggestion)
    }

    /// One reader connection per event loop: requests run on the event loops (one per core),
    /// so more readers would never be used at once.
    public static var defaultReaders: Int { NIOSingletons.groupLoopCountSuggestion }

    public func run() async throws {
        let triggers = await responder.startReloading(watchInterval: configuration.watchInterval)
        defer { triggers.cancel() }
        let listener = SocketListener(configuration: configuration, logger: logger)
        let quiescing = ServerQuiescingHelper(group: eventLoopGroup)
        let server = try await listener.open { descriptor in
            try await self.serve(descriptor, quiescing: quiescing)
        }
        defer { listener.close() }
        let index = responder.dispatcher.indexes.current
        logger.info("listening", metadata: [
            "socket": "\(listener.description)", "index": "\(index.path)", "articles": "\(index.meta.articles)",
            "digest": "\(index.meta.corpusDigest)", "max_connections": "\(configuration.maximumConnections)",
        ])
        let deadline = ShutdownDeadline()
        defer { deadline.cancel() }
        try await withGracefulShutdownHandler {
            try await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { try? await connection.closeFuture.get() }
                    }
                }
            }
        } onGracefulShutdown: { [logger, configuration, connections] in
            logger.info("shutting down: finishing requests in flight", metadata: ["timeout": "\(configuration.shutdownTimeout)"])
            quiescing.initiateShutdown(promise: nil)
            deadline.start(after: configuration.shutdownTimeout) {
                let closed = connections.closeAll()
                if closed > 0 { logger.warning("shutdown timeout: closed connections still open", metadata: ["count": "\(closed)"]) }
            }
        }
        logger.info("stopped")
    }

    private func serve(
        _ descriptor: Int32, quiescing: ServerQuiescingHelper
    ) async throws -> NIOAsyncChannel<any Channel, Never> {
        let (configuration, logger) = (self.configuration, self.logger)
        let serverBootstrap = ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(AcceptFailureLogger(logger: logger))
                    try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark, value: .init(
                low: configuration.outputHighWatermark / 2, high: configuration.outputHighWatermark))
        let (admission, dispatcher) = (self.admission, self.responder.dispatcher)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<any Channel> = { channel in
            PeerCredentials.of(channel).flatMapThrowing { peer in
                if let refusal = admission.refusal(of: channel, peer: peer) {
                    try channel.pipeline.syncOperations.addHandler(RefusalHandler(refusal))
                } else {
                    try Self.configurePipeline(channel, configuration, dispatcher: dispatcher)
                }
                return channel
            }
        }
        return try await serverBootstrap.bind(descriptor, childChannelInitializer: initializer)
    }

    /// An admitted connection: idle timeout, line framing, quiescing, then its ``RequestHandler``.
    private static func configurePipeline(
        _ channel: any Channel, _ configuration: ServerConfiguration, dispatcher: RequestDispatcher
    ) throws {
        let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeout / .nanoseconds(1)))
        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(readTimeout: idle))
        try channel.pipeline.syncOperations.addHandler(IdleConnectionCloser(timeout: configuration.idleTimeout))
        try channel.pipeline.syncOperations.addHandler(
            ByteToMessageHandler(RequestLineDecoder(maximumLength: configuration.maximumLineLength)))
        try channel.pipeline.syncOperations.addHandler(InputDrainingHandler())
        try channel.pipeline.syncOperations.addHandler(RequestHandler(reply: dispatcher.reply(to:)))
    }
}
