import NIOCore
import NeedleProtocol

/// The whole pipeline of a refused connection: writes its one error line as soon as the
/// connection is active, then closes it.
final class RefusalHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let refusal: ProtocolError

    init(_ refusal: ProtocolError) {
        self.refusal = refusal
    }

    func channelActive(context: ChannelHandlerContext) {
        let line = ByteBuffer(bytes: Response.error(refusal).encodedLine())
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(line)).whenComplete { _ in channel.close(promise: nil) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
