import NIOCore
import NIOEmbedded
@testable import NeedleServer
import Testing

/// ``RequestHandler`` on an `EmbeddedChannel`: replies in request order, flushed at the end of
/// each read; nothing answered and no read made while replies wait to be written or a reply
/// comes later; long reads answered in turns; the connection closed once a half-closed
/// client has every reply.
@Suite struct RequestHandlerTests {
    private let replies = ScriptedReplies()
    private let recorder = OutboundRecorder()
    private let channel = EmbeddedChannel()

    init() throws {
        try channel.pipeline.syncOperations.addHandler(recorder)
        try channel.pipeline.syncOperations.addHandler(RequestHandler(reply: replies.reply(to:)))
        try channel.connect(to: SocketAddress(unixDomainSocketPath: "/needle-test.sock")).wait()
    }

    /// Delivers the lines as one read: each, then the read's end.
    private func read(_ lines: [String]) throws {
        for line in lines { try channel.pipeline.syncOperations.fireChannelRead(NIOAny(RequestFrame.line(Array(line.utf8)))) }
        channel.pipeline.syncOperations.fireChannelReadComplete()
    }

    /// The reply lines written and flushed so far.
    private func written() throws -> [String] {
        var lines: [String] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            if buffer.readableBytes > 0 { lines.append(String(buffer: buffer)) }
        }
        return lines
    }

    @Test func repliesAreWrittenInOrderAndFlushedAtTheEndOfTheRead() throws {
        for line in ["a", "b", "c"] { try channel.pipeline.syncOperations.fireChannelRead(NIOAny(RequestFrame.line(Array(line.utf8)))) }
        #expect(try written() == [], "nothing flushed before the read ends")
        channel.pipeline.syncOperations.fireChannelReadComplete()
        #expect(try written() == ["a\n", "b\n", "c\n"])
    }

    @Test func requestsBehindALaterReplyWaitForIt() throws {
        try read(["a", "later", "b", "c"])
        #expect(try written() == ["a\n"])
        try read(["d"])
        #expect(try written() == [], "still behind the later reply")
        replies.answer("L")
        #expect(try written() == ["L\n", "b\n", "c\n", "d\n"])
    }

    @Test func noReadIsMadeWhileAReplyComesLater() throws {
        try read(["later"])
        let before = recorder.reads
        channel.read()
        #expect(recorder.reads == before, "the read is held")
        replies.answer("L")
        #expect(recorder.reads == before + 1, "and made once the reply is written")
    }

    @Test func nothingIsAnsweredOrReadWhileRepliesWaitToBeWritten() throws {
        channel.isWritable = false
        try read(["a", "b"])
        let before = recorder.reads
        channel.read()
        #expect(try written() == [])
        #expect(recorder.reads == before)
        channel.isWritable = true
        channel.pipeline.syncOperations.fireChannelWritabilityChanged()
        #expect(try written() == ["a\n", "b\n"])
        #expect(recorder.reads == before + 1)
    }

    @Test func aLongReadIsAnsweredInTurns() throws {
        let lines = (0..<(RequestHandler.turnLength + 4)).map { "r\($0)" }
        try read(lines)
        #expect(try written() == lines.prefix(RequestHandler.turnLength).map { $0 + "\n" })
        channel.embeddedEventLoop.run()
        #expect(try written() == lines.suffix(4).map { $0 + "\n" }, "the rest on the loop's next turn, in order")
    }

    @Test func aHalfClosedConnectionClosesOnceEveryReplyIsWritten() throws {
        try read(["a", "later", "b"])
        channel.pipeline.syncOperations.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(channel.isActive, "a reply is still to come")
        replies.answer("L")
        #expect(try written() == ["a\n", "L\n", "b\n"])
        #expect(!channel.isActive)
    }

    @Test func aHalfClosedIdleConnectionClosesAtOnce() throws {
        try read(["a"])
        channel.pipeline.syncOperations.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(try written() == ["a\n"])
        #expect(!channel.isActive)
    }

    @Test func aLaterReplyThatFailsClosesTheConnection() throws {
        try read(["later", "b"])
        replies.fail()
        #expect(try written() == [])
        #expect(!channel.isActive)
    }

    @Test func anErrorInThePipelineClosesTheConnection() throws {
        struct Broken: Error {}
        channel.pipeline.fireErrorCaught(Broken())
        #expect(!channel.isActive)
    }
}
