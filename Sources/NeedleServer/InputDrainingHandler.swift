import NIOCore
import NIOExtras

/// On shutdown, stops reading new requests from a connection but lets it answer the
/// ones sent before: when NIOExtras' ``ServerQuiescingHelper`` asks the connection to
/// quiesce, it keeps reading until every request read has been answered and nothing has
/// come in for `grace`, then closes only the input side.
///
/// It sits after the line decoder, so it counts requests (frames) in and response lines
/// out; each frame gets exactly one line. Waiting for both is what makes "sent before the
/// signal" hold: a request still in the socket's buffer — because the connection's
/// earlier requests are being answered and reading is paused — is read and answered too.
/// The shutdown timeout bounds a client that never goes quiet.
final class InputDrainingHandler: ChannelDuplexHandler {
    typealias InboundIn = RequestFrame
    typealias InboundOut = RequestFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let grace: TimeAmount
    private var draining = false
    /// Requests read and not yet answered.
    private var unanswered = 0
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
        unanswered += 1
        if draining { restartQuietTimer(context: context) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        unanswered = max(0, unanswered - 1)
        if draining { restartQuietTimer(context: context) }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        quietTimer?.cancel()
        context.fireChannelInactive()
    }

    /// Closes the input after `grace` unless something is read or written first; while
    /// requests are unanswered the next response line restarts the timer instead.
    private func restartQuietTimer(context: ChannelHandlerContext) {
        quietTimer?.cancel()
        let channel = context.channel
        quietTimer = context.eventLoop.assumeIsolated().scheduleTask(in: grace) { [self] in
            guard unanswered == 0 else { return }
            channel.close(mode: .input).whenFailure { _ in channel.close(promise: nil) }
        }
    }
}
