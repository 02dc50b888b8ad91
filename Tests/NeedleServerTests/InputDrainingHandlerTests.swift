import NIOCore
import NIOEmbedded
@testable import NeedleServer
import Testing

/// ``InputDrainingHandler`` on an `EmbeddedChannel` with a clock of its own: once asked to
/// quiesce, it closes the input only when every request read is answered and `grace` has
/// passed with nothing read or written.
@Suite struct InputDrainingHandlerTests {
    private let recorder = OutboundRecorder()
    private let channel = EmbeddedChannel()

    init() throws {
        try channel.pipeline.syncOperations.addHandler(recorder)
        try channel.pipeline.syncOperations.addHandler(InputDrainingHandler(grace: .milliseconds(250)))
        try channel.connect(to: SocketAddress(unixDomainSocketPath: "/needle-test.sock")).wait()
    }

    private func request() throws {
        try channel.writeInbound(RequestFrame.line(Array("{}".utf8)))
    }

    private func reply() throws {
        try channel.writeOutbound(ByteBuffer(string: "{}\n"))
    }

    private func quiesce() {
        channel.pipeline.syncOperations.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
    }

    private func advance(_ milliseconds: Int64) {
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(milliseconds))
    }

    @Test func withoutAQuiesceRequestNothingCloses() throws {
        try request()
        try reply()
        advance(10_000)
        #expect(recorder.closes.isEmpty)
    }

    @Test func aQuietConnectionClosesItsInputAfterTheGrace() {
        quiesce()
        advance(249)
        #expect(recorder.closes.isEmpty)
        advance(1)
        #expect(recorder.closes == [.input])
    }

    @Test func anUnansweredRequestKeepsTheInputOpen() throws {
        try request()
        quiesce()
        advance(1_000)
        #expect(recorder.closes.isEmpty, "a request read is not yet answered")
        try reply()
        advance(249)
        #expect(recorder.closes.isEmpty)
        advance(1)
        #expect(recorder.closes == [.input])
    }

    @Test func trafficWhileDrainingRestartsTheGrace() throws {
        quiesce()
        advance(200)
        try request()
        advance(100)
        try reply()
        advance(249)
        #expect(recorder.closes.isEmpty, "250 ms have not passed since the reply")
        advance(1)
        #expect(recorder.closes == [.input])
    }

    @Test func framesPassThroughUnchanged() throws {
        try request()
        #expect(try channel.readInbound(as: RequestFrame.self) == .line(Array("{}".utf8)))
    }
}
