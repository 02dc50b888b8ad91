import NIOCore
import NIOExtras
import NIOPosix
import NeedleProtocol
import Synchronization

/// A few persistent connections to `needled`'s Unix socket, shared by all HTTP requests.
///
/// Each request goes to the connection with the fewest requests in flight, so a slow `ask`
/// delays no `suggest` while another connection is free; on one connection requests are
/// pipelined. A connection is opened on first use and again after it closes (daemon restart,
/// idle timeout), so the gateway may start before the daemon. The reply line comes back as
/// bytes, undecoded.
///
/// ```swift
/// let pool = DaemonConnectionPool(socketPath: "/tmp/needle.sock", size: 4)
/// let reply = try await pool.send(Request(id: nil, operation: .ping))   // {"id":null,"ok":true}
/// ```
public final class DaemonConnectionPool: Sendable {
    public let socketPath: String
    private let group: any EventLoopGroup
    private let replyTimeout: TimeAmount
    private let slots: Mutex<[Slot]>

    private struct Slot {
        var channel: EventLoopFuture<any Channel>?
        /// The channel once connected: awaiting even a fulfilled future hops onto its event
        /// loop and back, a cost on every request.
        var connected: (any Channel)?
        var inFlight = 0

        /// Fewer requests in flight first, then a connection on `loop`, or one yet to be
        /// opened (it opens on the caller's loop).
        func rank(on loop: (any EventLoop)?) -> (Int, Int) {
            guard let loop, let channel else { return (inFlight, 0) }
            return (inFlight, channel.eventLoop === loop ? 0 : 1)
        }
    }

    /// - Parameters:
    ///   - size: connections at most; each carries any number of pipelined requests.
    ///   - replyTimeout: how long a reply may take before the connection is closed and its
    ///     requests fail; longer than the daemon's own request timeout, so it only catches a hung daemon.
    public init(
        socketPath: String, size: Int, replyTimeout: TimeAmount = .seconds(30),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.socketPath = socketPath
        self.group = group
        self.replyTimeout = replyTimeout
        self.slots = Mutex(Array(repeating: Slot(), count: max(1, size)))
    }

    /// Sends `request` and returns the daemon's reply line (without its newline).
    ///
    /// Throws a ``GatewayError`` (503, `internal`) when the daemon cannot be reached, and
    /// (502, `internal`) when the connection ends before the reply.
    public func send(_ request: Request) async throws -> ByteBuffer {
        try await reply(to: request).get()
    }

    /// ``send(_:)`` as a future, completed on the daemon connection's event loop: for a caller
    /// on an event loop, which must not wait.
    public func reply(to request: Request) -> EventLoopFuture<ByteBuffer> {
        let (slot, connection) = acquire()
        let line = ByteBuffer(bytes: request.encodedLine())
        let reply: EventLoopFuture<ByteBuffer>
        switch connection {
        case .connected(let channel):
            reply = Self.write(line, to: channel)
        case .connecting(let future):
            let socketPath = socketPath
            reply = future.flatMapErrorThrowing { error in
                throw GatewayError(status: .serviceUnavailable, code: ErrorCode.internal.rawValue,
                                   message: "needled is not answering on \(socketPath): \(error)")
            }.flatMap { Self.write(line, to: $0) }
        }
        reply.whenComplete { [self] _ in release(slot) }
        return reply
    }

    private static func write(_ line: ByteBuffer, to channel: any Channel) -> EventLoopFuture<ByteBuffer> {
        let reply = channel.eventLoop.makePromise(of: ByteBuffer.self)
        channel.writeAndFlush(PendingRequest(line: line, reply: reply), promise: nil)
        return reply.futureResult
    }

    private enum Connection {
        case connected(any Channel)
        case connecting(EventLoopFuture<any Channel>)
    }

    /// Closes every connection (when the gateway stops).
    public func close() async {
        let channels = slots.withLock { slots in
            defer { for index in slots.indices { (slots[index].channel, slots[index].connected) = (nil, nil) } }
            return slots.compactMap(\.channel)
        }
        for channel in channels { try? await channel.get().close() }
    }

    /// The slot with the fewest requests in flight and its connection, opened when it has none.
    /// Of those, one on the calling thread's event loop: the request is written and its reply
    /// read without waking another thread.
    private func acquire() -> (Int, Connection) {
        let here = MultiThreadedEventLoopGroup.currentEventLoop
        let (index, connection, isNew) = slots.withLock { slots in
            let index = slots.indices.min { slots[$0].rank(on: here) < slots[$1].rank(on: here) }!
            slots[index].inFlight += 1
            if let channel = slots[index].connected { return (index, Connection.connected(channel), false) }
            if let channel = slots[index].channel { return (index, .connecting(channel), false) }
            let channel = connect()
            slots[index].channel = channel
            return (index, .connecting(channel), true)
        }
        // Outside the lock: on the connection's own event loop the future may be complete
        // already, and its callbacks, which take the lock, then run at once.
        if isNew, case .connecting(let future) = connection { watch(future, slot: index) }
        return (index, connection)
    }

    private func release(_ index: Int) {
        slots.withLock { $0[index].inFlight -= 1 }
    }

    /// Opens a connection to the daemon, on the caller's event loop when it runs on one of
    /// the pool's.
    private func connect() -> EventLoopFuture<any Channel> {
        let replyTimeout = replyTimeout
        return ClientBootstrap(group: group.any())
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(LineBasedFrameDecoder()), ReplyMatcher(replyTimeout: replyTimeout),
                    ])
                }
            }
            .connect(unixDomainSocketPath: socketPath)
    }

    /// Keeps `connection`'s channel in `slot` once connected; when it fails or later closes,
    /// the slot is emptied so its next request connects again.
    private func watch(_ connection: EventLoopFuture<any Channel>, slot index: Int) {
        connection.whenComplete { [weak self] result in
            switch result {
            case .failure: self?.forget(connection, in: index)
            case .success(let channel):
                self?.connected(channel, by: connection, in: index)
                channel.closeFuture.whenComplete { _ in self?.forget(connection, in: index) }
            }
        }
    }

    private func connected(_ channel: any Channel, by connection: EventLoopFuture<any Channel>, in index: Int) {
        slots.withLock { slots in
            if slots[index].channel === connection { slots[index].connected = channel }
        }
    }

    private func forget(_ connection: EventLoopFuture<any Channel>, in index: Int) {
        slots.withLock { slots in
            if slots[index].channel === connection {
                slots[index].channel = nil
                slots[index].connected = nil
            }
        }
    }
}
