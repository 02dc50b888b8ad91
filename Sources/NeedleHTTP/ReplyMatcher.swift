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
/// every request still waiting fails.
final class ReplyMatcher: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = PendingRequest
    typealias OutboundOut = ByteBuffer

    private var waiting = CircularBuffer<EventLoopPromise<ByteBuffer>>()

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        waiting.append(request.reply)
        context.write(wrapOutboundOut(request.line), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let reply = waiting.popFirst() else {
            context.close(promise: nil)
            return
        }
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
        while let reply = waiting.popFirst() { reply.fail(error) }
    }
}
