import NIOCore

/// Answers a connection's requests in order, on its event loop.
///
/// Most requests are answered the moment their line is read, with no hop to another
/// thread (``RequestDispatcher``); a `reload` is answered later, from NIO's blocking thread
/// pool, and the requests read behind it wait their turn, so replies keep the order of the requests.
/// Requests also wait while the connection's unwritten replies are over the high-water
/// mark, and reading stops until they are written, so a client that never reads cannot
/// grow the daemon's memory. At most ``turnLength`` requests are answered in a row before
/// the event loop serves its other connections. When the input is closed (the client
/// half-closed, or shutdown drained the connection), the connection closes once every
/// reply is written.
final class RequestHandler: ChannelDuplexHandler {
    typealias InboundIn = RequestFrame
    typealias OutboundIn = Never
    typealias OutboundOut = ByteBuffer

    /// Requests answered in a row before the event loop serves its other connections.
    static let turnLength = 16

    /// The reply to each request, in the order they are read: ``RequestDispatcher/reply(to:)``.
    private let reply: (RequestFrame) -> RequestDispatcher.Reply
    /// Requests read and not yet answered, oldest first.
    private var waiting: [RequestFrame] = []
    private var waitingStart = 0
    /// A `reload` is being answered off the event loop.
    private var answeringLater = false
    private var answeredThisTurn = 0
    private var turnScheduled = false
    /// A read was asked for while replies were waiting to be written.
    private var readHeld = false
    private var inputClosed = false

    init(reply: @escaping (RequestFrame) -> RequestDispatcher.Reply) {
        self.reply = reply
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if waitingStart == waiting.count, canAnswer(context) {
            answer(frame, context: context)
        } else {
            waiting.append(frame)
            scheduleTurn(context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        answeredThisTurn = 0
        context.flush()
        context.fireChannelReadComplete()
    }

    func read(context: ChannelHandlerContext) {
        if context.channel.isWritable && !answeringLater && waitingStart == waiting.count {
            context.read()
        } else {
            readHeld = true
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { resume(context) }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inputClosed = true
            closeIfDone(context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func canAnswer(_ context: ChannelHandlerContext) -> Bool {
        answeredThisTurn < Self.turnLength && canAnswerLater(context)
    }

    /// Whether only the turn's length stops answering: a new turn may go on.
    private func canAnswerLater(_ context: ChannelHandlerContext) -> Bool {
        !answeringLater && context.channel.isWritable
    }

    private func answer(_ frame: RequestFrame, context: ChannelHandlerContext) {
        answeredThisTurn += 1
        switch reply(frame) {
        case .now(let line):
            context.write(wrapOutboundOut(ByteBuffer(bytes: line)), promise: nil)
        case .later(let future):
            answeringLater = true
            future(context.eventLoop).assumeIsolated().whenComplete { [self] result in
                answeringLater = false
                guard case .success(let line) = result else {
                    context.close(promise: nil)   // and answer nothing more on it
                    return
                }
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: line)), promise: nil)
                resume(context)
            }
        }
    }

    /// Starts a new turn on the next tick of the event loop, once, to answer what waits.
    private func scheduleTurn(_ context: ChannelHandlerContext) {
        guard !turnScheduled else { return }
        turnScheduled = true
        context.eventLoop.assumeIsolated().execute { [self] in
            turnScheduled = false
            answeredThisTurn = 0
            resume(context)
        }
    }

    /// Answers what waits while it may, then reads on when nothing does.
    private func resume(_ context: ChannelHandlerContext) {
        var answered = false
        while waitingStart < waiting.count, canAnswer(context) {
            let frame = waiting[waitingStart]
            waitingStart += 1
            answer(frame, context: context)
            answered = true
        }
        if waitingStart == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingStart = 0
        }
        if answered { context.flush() }
        if !waiting.isEmpty && canAnswerLater(context) { scheduleTurn(context) }
        if waiting.isEmpty && !answeringLater {
            if readHeld && context.channel.isWritable {
                readHeld = false
                context.read()
            }
            closeIfDone(context)
        }
    }

    /// After the input closed, closes the connection once nothing waits and every reply is
    /// written (writes complete in order, so an empty last write tells when).
    private func closeIfDone(_ context: ChannelHandlerContext) {
        guard inputClosed, waiting.isEmpty, !answeringLater else { return }
        inputClosed = false
        let channel = context.channel
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer()), promise: written)
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
}
