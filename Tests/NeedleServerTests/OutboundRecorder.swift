import NIOCore

/// Sits between a handler under test and the head of the pipeline, and counts the reads and
/// closes that handler lets through.
final class OutboundRecorder: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer

    private(set) var reads = 0
    private(set) var closes: [CloseMode] = []

    func read(context: ChannelHandlerContext) {
        reads += 1
        context.read()
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        closes.append(mode)
        context.close(mode: mode, promise: promise)
    }
}
