import NIOCore
import NIOExtras
import NIOPosix
import NeedleProtocol

/// A raw connection to a running `needled`: request lines out, reply lines in.
///
/// ``NeedleClient`` is the typed API built on it; use this type to pipeline requests or to send
/// bytes a client would not (tests, fuzzing, benchmarks).
///
/// ```swift
/// let reply = try await NeedleConnection.with(socketPath: path) { connection in
///     try await connection.request(Request(id: .int(1), operation: .ping))
/// }
/// ```
/// Requests may be pipelined: `send` several lines, then read the replies in order
/// with `nextLine()`.
public struct NeedleConnection: ~Copyable {
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator

    /// Connects, runs `body`, then closes the connection.
    ///
    /// Throws ``ClientError/noDaemon(socketPath:)`` when nothing listens on the socket, and
    /// ``UntrustedDaemon`` when the listener fails `peerCheck`.
    public static func with<Result: Sendable>(
        socketPath: String, peerCheck: DaemonPeerCheck = DaemonPeerCheck(),
        _ body: (inout NeedleConnection) async throws -> Result
    ) async throws -> Result {
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        let verdict = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Void.self)
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(unixDomainSocketPath: socketPath) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(peerCheck.handler(socketPath: socketPath, verdict: verdict))
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            verdict.succeed(())
            throw ClientError.noDaemon(socketPath: socketPath)
        }
        return try await channel.executeThenClose { inbound, outbound in
            try await verdict.futureResult.get()
            var connection = NeedleConnection(outbound: outbound, inbound: inbound.makeAsyncIterator())
            return try await body(&connection)
        }
    }

    /// Sends raw bytes as they are (a newline is not added).
    public func send(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Sends a request without waiting for its reply.
    public func send(_ request: Request) async throws {
        try await send(request.encodedLine())
    }

    /// The next reply line, without its newline; `nil` when the daemon closed the connection.
    public mutating func nextLine() async throws -> String? {
        guard var buffer = try await inbound.next() else { return nil }
        return buffer.readString(length: buffer.readableBytes)
    }

    /// Sends a request and returns its reply line.
    public mutating func request(_ request: Request) async throws -> String {
        try await send(request)
        guard let line = try await nextLine() else { throw ClientError.closedByDaemon }
        return line
    }
}
