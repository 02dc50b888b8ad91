import NIOCore
import NIOExtras

/// On shutdown, stops reading new requests from a connection but lets it answer the
/// ones sent before: when NIOExtras' ``ServerQuiescingHelper`` asks the connection to
/// quiesce, it keeps reading until the connection has been quiet (nothing read, nothing
/// written) for `grace`, then closes only the input side.
///
/// The grace is what makes "sent before the signal" hold: a request already in the
/// socket's buffer, or one whose predecessors are still being answered, is read and
/// answered; the shutdown timeout bounds a client that never goes quiet.
final class InputDrainingHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let grace: TimeAmount
    private var draining = false
    private var quietTimer: Scheduled<Void>?

    init(grace: TimeAmount = .milliseconds(250)) {
        self.grace = grace
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        draining = true
        restartQuietTimer(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if draining { restartQuietTimer(context: context) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if draining { restartQuietTimer(context: context) }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        quietTimer?.cancel()
        context.fireChannelInactive()
    }

    private func restartQuietTimer(context: ChannelHandlerContext) {
        quietTimer?.cancel()
        let channel = context.channel
        quietTimer = context.eventLoop.scheduleTask(in: grace) {
            channel.close(mode: .input).whenFailure { _ in channel.close(promise: nil) }
        }
    }
}
