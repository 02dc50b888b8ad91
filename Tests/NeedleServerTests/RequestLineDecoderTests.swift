import NIOCore
import NIOEmbedded
import NIOTestUtils
@testable import NeedleServer
import Testing

/// Framing: lines split at newlines however the bytes arrive, bounded in length without
/// buffering an overlong line, blank lines skipped, the last line answered at end of input.
@Suite struct RequestLineDecoderTests {
    private static func line(_ text: String) -> RequestFrame {
        .line(Array(text.utf8))
    }

    private func channel(maximumLength: Int = 16) -> EmbeddedChannel {
        EmbeddedChannel(handler: ByteToMessageHandler(RequestLineDecoder(maximumLength: maximumLength)))
    }

    private func frames(of channel: EmbeddedChannel) throws -> [RequestFrame] {
        var frames: [RequestFrame] = []
        while let frame = try channel.readInbound(as: RequestFrame.self) { frames.append(frame) }
        return frames
    }

    /// NIO's verifier feeds each input whole, byte by byte and in other splits, and expects
    /// the same frames every time.
    @Test func linesAreTheSameHoweverTheBytesAreSplit() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: [
                ("{\"op\":\"ping\"}\n", [Self.line("{\"op\":\"ping\"}")]),
                ("a\nbb\r\nccc\n", [Self.line("a"), Self.line("bb"), Self.line("ccc")]),
                ("\n \n\t\r\nx\n", [Self.line("x")]),
                ("0123456789abcdef\n", [Self.line("0123456789abcdef")]),
                ("0123456789abcdefg\nok\n", [.tooLong, Self.line("ok")]),
                (String(repeating: "z", count: 100) + "\nok\n", [.tooLong, Self.line("ok")]),
            ],
            decoderFactory: { RequestLineDecoder(maximumLength: 16) })
    }

    @Test func aLineOfTheMaximumLengthIsALineAndOneByteMoreIsTooLong() throws {
        let channel = channel()
        try channel.writeInbound(ByteBuffer(string: String(repeating: "a", count: 16) + "\n" + String(repeating: "b", count: 17) + "\n"))
        #expect(try frames(of: channel) == [Self.line(String(repeating: "a", count: 16)), .tooLong])
    }

    @Test func anEndlessLineIsReportedOnceAndTheNextLineIsRead() throws {
        let channel = channel()
        for _ in 0..<100 { try channel.writeInbound(ByteBuffer(string: String(repeating: "x", count: 1000))) }
        try channel.writeInbound(ByteBuffer(string: "x\n{\"op\":\"ping\"}\n"))
        #expect(try frames(of: channel) == [.tooLong, Self.line("{\"op\":\"ping\"}")])
    }

    /// The decoder itself, handed an overlong piece: it reads it all, so nothing of it stays
    /// buffered while the rest of the line arrives.
    @Test func anOverlongPieceIsConsumedNotKept() throws {
        let channel = channel()
        let context = try channel.pipeline.syncOperations.context(handlerType: ByteToMessageHandler<RequestLineDecoder>.self)
        var decoder = RequestLineDecoder(maximumLength: 16)
        var buffer = ByteBuffer(string: String(repeating: "x", count: 64 * 1024))
        #expect(try decoder.decode(context: context, buffer: &buffer) == .needMoreData)
        #expect(buffer.readableBytes == 0)
        var short = ByteBuffer(string: "xyz")
        #expect(try decoder.decode(context: context, buffer: &short) == .needMoreData)
        #expect(short.readableBytes == 3, "a piece within the limit waits for its newline")
    }

    @Test func theLastLineWithoutANewlineIsReadAtTheEndOfInput() throws {
        let channel = channel()
        try channel.writeInbound(ByteBuffer(string: "first\nlast"))
        #expect(try frames(of: channel) == [Self.line("first")])
        _ = try channel.finish()
        #expect(try frames(of: channel) == [Self.line("last")])
    }

    @Test func anOverlongLastLineIsNotReadAtTheEndOfInput() throws {
        let channel = channel()
        try channel.writeInbound(ByteBuffer(string: String(repeating: "x", count: 40)))
        #expect(try frames(of: channel) == [.tooLong])
        _ = try channel.finish()
        #expect(try frames(of: channel) == [])
    }
}
