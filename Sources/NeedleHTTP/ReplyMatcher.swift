import NIOCore

/// One request line on its way to `needled`, and where its reply line goes.
struct PendingRequest: Sendable {
    var line: ByteBuffer
    var reply: EventLoopPromise<ByteBuffer>
}

/// Hands each reply line of a daemon connection to the request it answers. The daemon answers
/// a connection's requests in the order they were sent, so the replies are matched in order and
/// requests can be pipelined.
///
/// A line no request waits for is the daemon closing the connection (`idle_timeout`): the
/// connection is closed and its pool slot reconnects on next use. When the connection ends,
/// every request still waiting fails. A reply slower than `replyTimeout` closes the
/// connection: the daemon is hung. The timer lives here, on the connection's event loop, so a
/// request costs no extra hop onto that loop to start and cancel it.
final class ReplyMatcher: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = PendingRequest
    typealias OutboundOut = ByteBuffer

    private let replyTimeout: TimeAmount
    private var waiting = CircularBuffer<(reply: EventLoopPromise<ByteBuffer>, timeout: Scheduled<Void>)>()

    init(replyTimeout: TimeAmount) {
        self.replyTimeout = replyTimeout
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        let channel = context.channel
        let timeout = context.eventLoop.scheduleTask(in: replyTimeout) { channel.close(promise: nil) }
        waiting.append((request.reply, timeout))
        context.write(wrapOutboundOut(request.line), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let (reply, timeout) = waiting.popFirst() else {
            context.close(promise: nil)
            return
        }
        timeout.cancel()
        reply.succeed(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(GatewayError(status: .badGateway, code: "internal", message: "needled closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(GatewayError(status: .badGateway, code: "internal", message: "connection to needled failed: \(error)"))
        context.close(promise: nil)
    }

    private func failAll(_ error: GatewayError) {
        while let (reply, timeout) = waiting.popFirst() {
            timeout.cancel()
            reply.fail(error)
        }
    }
}
