import NIOCore
import NeedleProtocol

/// Closes a connection that has sent nothing for the idle timeout, after one
/// `idle_timeout` error line, when NIO's `IdleStateHandler` reports it idle for reading.
final class IdleConnectionCloser: ChannelInboundHandler, Sendable {
    typealias InboundIn = NIOAny
    typealias OutboundOut = ByteBuffer

    private let timeout: Duration

    init(timeout: Duration) {
        self.timeout = timeout
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        let line = Response.error(ProtocolError(.idleTimeout, "no request for \(timeout); closing the connection")).encodedLine()
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: line))).whenComplete { [channel = context.channel] _ in
            channel.close(promise: nil)
        }
    }
}
