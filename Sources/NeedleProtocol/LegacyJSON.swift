import Foundation

/// The two rare corners where Foundation's `JSONDecoder`, which read requests before
/// ``JSONReader``, reads differently from plain UTF-8 JSON. They are still handed to it, so
/// that no line is answered differently than before; no real client reaches them.
enum LegacyJSON {
    /// True when `JSONDecoder` would guess the line is UTF-16 or UTF-32 (it looks for NUL bytes
    /// among the first four): `{\0"\0o\0p\0…` is a request to it. Valid UTF-8 JSON has no NUL.
    static func mayBeWideEncoded(_ line: [UInt8]) -> Bool {
        line.prefix(4).contains(0)
    }

    /// The line as `JSONDecoder` reads a `JSONValue`, or nil when it finds no JSON.
    ///
    /// A line whose last byte other than NUL is `[` or `{` ends inside an array or object in
    /// any encoding, so it is no JSON; it is not handed over, because `JSONDecoder` traps when
    /// the 513th nested bracket is the last byte it reads (swift-foundation, Swift 6.3).
    static func value(of line: [UInt8]) -> JSONValue? {
        if let last = line.last(where: { $0 != 0 }), last == UInt8(ascii: "[") || last == UInt8(ascii: "{") { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(line))
    }

    /// A number of magnitude 2^53 or more, written with a fraction or exponent (or beyond
    /// `Int64`), as `JSONDecoder` reads it as an `Int64`: through `Decimal`, so that
    /// `9007199254740993.5` is 9007199254740993; nil when it is no `Int64` to it.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        try? JSONDecoder().decode(Int64.self, from: Data(text))
    }
}
