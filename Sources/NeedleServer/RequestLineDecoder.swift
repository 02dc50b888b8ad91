import NIOCore

/// Frames a byte stream into newline-terminated request lines of bounded length.
///
/// A line longer than `maximumLength` is reported once as ``RequestFrame/tooLong``
/// and then skipped up to its newline without being buffered, so a client cannot
/// grow the daemon's memory with an endless line, and the connection stays usable
/// for the next request. Blank lines are ignored; a trailing `\r` is removed. A last
/// line without a newline is still answered when the client closes its side.
struct RequestLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = RequestFrame

    let maximumLength: Int
    /// True while skipping the rest of an overlong line.
    private var skippingOverlongLine = false

    init(maximumLength: Int) {
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > maximumLength {
                if !skippingOverlongLine { context.fireChannelRead(wrapInboundOut(.tooLong)) }
                skippingOverlongLine = true
                buffer.moveReaderIndex(to: buffer.writerIndex)
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        let line = buffer.readBytes(length: length) ?? []
        buffer.moveReaderIndex(forwardBy: 1)
        if skippingOverlongLine {
            skippingOverlongLine = false
        } else if length > maximumLength {
            context.fireChannelRead(wrapInboundOut(.tooLong))
        } else {
            emit(line, context: context)
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if !skippingOverlongLine, buffer.readableBytes > 0 {
            emit(buffer.readBytes(length: buffer.readableBytes) ?? [], context: context)
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }

    private func emit(_ line: [UInt8], context: ChannelHandlerContext) {
        var line = line
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return }
        context.fireChannelRead(wrapInboundOut(.line(line)))
    }
}
