import Logging
import NIOCore
import NIOExtras
import NIOPosix
import NeedleSearch
import ServiceLifecycle

/// The Needle daemon: serves an index over a Unix domain socket, one JSON request per line.
///
/// A `Service` for swift-service-lifecycle. `run()` binds the socket and serves until
/// graceful shutdown (SIGTERM/SIGINT through a `ServiceGroup`); then it stops accepting,
/// lets every connection answer the requests it has already read, removes the socket
/// file and returns.
///
/// ```swift
/// let server = NeedleServer(configuration: .init(socketPath: "/tmp/n.sock"), index: index, logger: logger)
/// let group = ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
public final class NeedleServer: Service, Sendable {
    public let configuration: ServerConfiguration
    private let dispatcher: RequestDispatcher
    private let logger: Logger
    private let eventLoopGroup: MultiThreadedEventLoopGroup

    public init(configuration: ServerConfiguration, index: SearchIndex, readers: Int = 4, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.eventLoopGroup = .singleton
        self.dispatcher = RequestDispatcher(
            indexes: IndexHolder(index, readers: readers), statistics: ServerStatistics(),
            configuration: configuration, logger: logger)
    }

    public func run() async throws {
        let path = configuration.socketPath
        try SocketFile.prepare(path)
        let quiescing = ServerQuiescingHelper(group: eventLoopGroup)
        let server = try await bind(path, quiescing: quiescing)
        let inode = SocketFile.inode(path)
        defer { SocketFile.remove(path, inode: inode) }
        try SocketFile.setMode(path, configuration.socketMode)
        logger.info("listening", metadata: [
            "socket": "\(path)", "index": "\(dispatcher.indexes.current.path)",
            "articles": "\(dispatcher.indexes.current.meta.articles)",
        ])
        try await withGracefulShutdownHandler {
            try await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } onGracefulShutdown: { [logger] in
            logger.info("shutting down: finishing requests in flight")
            quiescing.initiateShutdown(promise: nil)
        }
        logger.info("stopped")
    }

    private func bind(
        _ path: String, quiescing: ServerQuiescingHelper
    ) async throws -> NIOAsyncChannel<NIOAsyncChannel<RequestFrame, ByteBuffer>, Never> {
        let maximumLineLength = configuration.maximumLineLength
        do {
            return try await ServerBootstrap(group: eventLoopGroup)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
                    }
                }
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(InputDrainingHandler())
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(RequestLineDecoder(maximumLength: maximumLineLength)))
                        return try NIOAsyncChannel<RequestFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw ServerError.cannotListen(path: path, reason: "\(error)")
        }
    }

    /// Answers a connection's requests in order until it closes or the server drains it.
    private func serve(_ connection: NIOAsyncChannel<RequestFrame, ByteBuffer>) async {
        let statistics = dispatcher.statistics
        statistics.connectionOpened()
        defer { statistics.connectionClosed() }
        do {
            try await connection.executeThenClose { inbound, outbound in
                for try await frame in inbound {
                    let response = await dispatcher.respond(to: frame)
                    try await outbound.write(ByteBuffer(bytes: response))
                }
            }
        } catch {
            logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
    }
}
