import NIOCore
import NIOExtras

/// On shutdown, stops reading new requests from a connection but lets it answer
/// the ones already read: it closes only the input side when NIOExtras'
/// ``ServerQuiescingHelper`` asks the connection to quiesce.
final class InputDrainingHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is ChannelShouldQuiesceEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        let channel = context.channel
        channel.close(mode: .input).whenFailure { _ in channel.close(promise: nil) }
    }
}
