/// One framed request from a connection: a complete line, or the news that a line was too long.
enum RequestFrame: Sendable, Equatable {
    /// The bytes of one line, without its newline.
    case line([UInt8])
    /// A line exceeded the limit; its bytes were dropped up to the next newline.
    case tooLong
}
