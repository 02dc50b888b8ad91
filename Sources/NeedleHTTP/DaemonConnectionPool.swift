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
        var inFlight = 0
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
        let (slot, connection) = acquire()
        defer { release(slot) }
        let channel: any Channel
        do {
            channel = try await connection.get()
        } catch {
            throw GatewayError(status: .serviceUnavailable, code: ErrorCode.internal.rawValue,
                               message: "needled is not answering on \(socketPath): \(error)")
        }
        let reply = channel.eventLoop.makePromise(of: ByteBuffer.self)
        let timeout = channel.eventLoop.scheduleTask(in: replyTimeout) { channel.close(promise: nil) }
        defer { timeout.cancel() }
        channel.writeAndFlush(PendingRequest(line: ByteBuffer(bytes: request.encodedLine()), reply: reply), promise: nil)
        return try await reply.futureResult.get()
    }

    /// Closes every connection (when the gateway stops).
    public func close() async {
        let channels = slots.withLock { slots in
            defer { for index in slots.indices { slots[index].channel = nil } }
            return slots.compactMap(\.channel)
        }
        for channel in channels { try? await channel.get().close() }
    }

    private func acquire() -> (Int, EventLoopFuture<any Channel>) {
        slots.withLock { slots in
            let index = slots.indices.min { slots[$0].inFlight < slots[$1].inFlight }!
            slots[index].inFlight += 1
            if let channel = slots[index].channel { return (index, channel) }
            let channel = connect(slot: index)
            slots[index].channel = channel
            return (index, channel)
        }
    }

    private func release(_ index: Int) {
        slots.withLock { $0[index].inFlight -= 1 }
    }

    /// Opens a connection for `slot`; when it fails or later closes, the slot is emptied so
    /// its next request connects again.
    private func connect(slot index: Int) -> EventLoopFuture<any Channel> {
        let connection = ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(LineBasedFrameDecoder()), ReplyMatcher(),
                    ])
                }
            }
            .connect(unixDomainSocketPath: socketPath)
        connection.whenComplete { [weak self] result in
            switch result {
            case .failure: self?.forget(connection, in: index)
            case .success(let channel): channel.closeFuture.whenComplete { _ in self?.forget(connection, in: index) }
            }
        }
        return connection
    }

    private func forget(_ connection: EventLoopFuture<any Channel>, in index: Int) {
        slots.withLock { slots in
            if slots[index].channel === connection { slots[index].channel = nil }
        }
    }
}
