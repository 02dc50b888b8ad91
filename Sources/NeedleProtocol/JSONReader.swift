/// Parses one request line into a ``JSONValue`` by hand, accepting exactly what Foundation's
/// `JSONDecoder` accepted when it decoded `JSONValue` (`RequestDecoderEquivalenceTests`
/// compares the two over hostile input):
///
/// - a UTF-8 byte order mark before the value; whitespace is space, tab, CR and LF only;
/// - one trailing comma in an object or array (`{"op":"ping",}`), but no empty elements;
/// - duplicate keys keep their first value; keys equal as `String`s (`é` composed or not) are duplicates.
///   A later value is only skipped, as `JSONDecoder`'s scanner skips what it never decodes: its
///   brackets, literals and nesting depth must be right, but its strings' escapes and control
///   characters and its numbers' notation are not checked (`{"op":"ping","op":"\x"}` is a ping);
/// - at most 512 nested arrays and objects (deeper is malformed; it also bounds the recursion);
/// - strings without raw control characters, escapes as RFC 8259 has them, surrogates paired;
/// - numbers as RFC 8259 writes them: an integer that fits `Int64` is `.int`; any other is read
///   as a `Double` (malformed when infinite), and is `.int` when that `Double` is an integer below
///   2^53 (`1.0`, `1e2`, `1e-400`), else `.double`. Integers of 2^53 and more written with a
///   fraction or exponent are rare and `JSONDecoder` reads them through `Decimal`; it is asked.
///
/// ```swift
/// try JSONReader.value(of: Array(#"{"id":1.0,"op":"ping"}"#.utf8))   // .object(["id": .int(1), "op": .string("ping")])
/// ```
struct JSONReader {
    /// The line is not one JSON value (or nests too deep, or holds a number no `Double` can hold).
    struct Malformed: Error {}

    static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The text of the top-level object's `id` when it is a number.
    private var idText: String?

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The one JSON value of `line`, which must be valid UTF-8.
    static func value(of line: [UInt8]) throws(Malformed) -> JSONValue {
        let result: Result<JSONValue, Malformed> = line.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer)
            return Result { () throws(Malformed) in try reader.document() }
        }
        return try result.get()
    }

    /// The one JSON value of `line`, and the text of its `id` member when that is a number,
    /// which a reply echoes as written.
    static func request(of line: [UInt8]) throws(Malformed) -> (value: JSONValue, idText: String?) {
        let result: Result<(JSONValue, String?), Malformed> = line.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer)
            return Result { () throws(Malformed) in (try reader.document(), reader.idText) }
        }
        return try result.get()
    }

    private mutating func document() throws(Malformed) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xef, bytes[1] == 0xbb, bytes[2] == 0xbf { index = 3 }
        skipWhitespace()
        let value = try value(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw Malformed() }
        return value
    }

    private mutating func value(depth: Int) throws(Malformed) -> JSONValue {
        guard index < bytes.count else { throw Malformed() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw Malformed()
        }
    }

    private mutating func object(depth: Int) throws(Malformed) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        if try open(closing: UInt8(ascii: "}"), depth: depth) { return .object(fields) }
        repeat {
            try expectQuote()
            let key = try string()
            try colon()
            if fields[key] == nil {
                let start = index
                fields[key] = try value(depth: depth)
                if depth == 1, key == "id", bytes[start] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start]) {
                    idText = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
            } else {
                try skipValue(depth: depth)
            }
        } while try !close(UInt8(ascii: "}"))
        return .object(fields)
    }

    private mutating func array(depth: Int) throws(Malformed) -> JSONValue {
        var items: [JSONValue] = []
        if try open(closing: UInt8(ascii: "]"), depth: depth) { return .array(items) }
        repeat {
            items.append(try value(depth: depth))
        } while try !close(UInt8(ascii: "]"))
        return .array(items)
    }

    /// Past an opening bracket and the whitespace after it; true, and past it too, when the
    /// closing bracket follows at once.
    private mutating func open(closing: UInt8, depth: Int) throws(Malformed) -> Bool {
        guard depth <= Self.maximumDepth else { throw Malformed() }
        index += 1
        skipWhitespace()
        return try consume(closing)
    }

    /// After a member or element: true, and past it, at the closing bracket, which may follow a
    /// comma; false, past the comma, when another member or element follows.
    private mutating func close(_ closing: UInt8) throws(Malformed) -> Bool {
        skipWhitespace()
        if try consume(UInt8(ascii: ",")) {
            skipWhitespace()
            return try consume(closing)
        }
        guard try consume(closing) else { throw Malformed() }
        return true
    }

    private mutating func expectQuote() throws(Malformed) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Malformed() }
    }

    /// Past the colon after a key, and the whitespace around it.
    private mutating func colon() throws(Malformed) {
        skipWhitespace()
        guard try consume(UInt8(ascii: ":")) else { throw Malformed() }
        skipWhitespace()
    }

    /// Moves past a value that will not be kept, checking only what `JSONDecoder`'s scanner checks.
    private mutating func skipValue(depth: Int) throws(Malformed) {
        guard index < bytes.count else { throw Malformed() }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            if try open(closing: UInt8(ascii: "}"), depth: depth + 1) { return }
            repeat {
                try expectQuote()
                try skipString()
                try colon()
                try skipValue(depth: depth + 1)
            } while try !close(UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            if try open(closing: UInt8(ascii: "]"), depth: depth + 1) { return }
            repeat {
                try skipValue(depth: depth + 1)
            } while try !close(UInt8(ascii: "]"))
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
                     UInt8(ascii: "e"), UInt8(ascii: "E"):
                    index += 1
                default: return
                }
            }
        default: throw Malformed()
        }
    }

    /// Moves past a string: any byte but an unescaped quote, a `\u` followed by four bytes that are not quotes.
    private mutating func skipString() throws(Malformed) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return }
            guard byte == UInt8(ascii: "\\") else { continue }
            guard index < bytes.count else { throw Malformed() }
            let escaped = bytes[index]
            index += 1
            if escaped == UInt8(ascii: "u") {
                guard bytes.count - index >= 4, !bytes[index..<index + 4].contains(UInt8(ascii: "\"")) else { throw Malformed() }
                index += 4
            }
        }
        throw Malformed()
    }

    /// True, and past it, when the next byte is `byte`; false, and not moved, otherwise.
    /// Running out of bytes is malformed: every caller expects something more.
    private mutating func consume(_ byte: UInt8) throws(Malformed) -> Bool {
        guard index < bytes.count else { throw Malformed() }
        guard bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0a, 0x0d: index += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw Malformed() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw Malformed()
        }
        index += count
    }

    /// A string whose opening quote is at `index`; the line is known to be valid UTF-8.
    private mutating func string() throws(Malformed) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var text = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"): try unescape(into: &text)
            case ..<0x20: throw Malformed()
            default: text.append(byte)
            }
        }
        throw Malformed()
    }

    /// The escape after a backslash, appended to `text` as UTF-8.
    private mutating func unescape(into text: inout [UInt8]) throws(Malformed) {
        guard index < bytes.count else { throw Malformed() }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(byte)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0c)
        case UInt8(ascii: "n"): text.append(0x0a)
        case UInt8(ascii: "r"): text.append(0x0d)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            var code = UInt32(try hexQuad())
            if (0xdc00...0xdfff).contains(code) { throw Malformed() }
            if (0xd800...0xdbff).contains(code) {
                guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Malformed()
                }
                index += 2
                let low = UInt32(try hexQuad())
                guard (0xdc00...0xdfff).contains(low) else { throw Malformed() }
                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw Malformed() }
            text.append(contentsOf: UTF8.encode(scalar)!)
        default: throw Malformed()
        }
    }

    private mutating func hexQuad() throws(Malformed) -> UInt16 {
        guard bytes.count - index >= 4 else { throw Malformed() }
        var code: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed()
            }
            code = code << 4 | UInt16(digit)
            index += 1
        }
        return code
    }

    private mutating func number() throws(Malformed) -> JSONValue {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count else { throw Malformed() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard skipDigits() > 0 else { throw Malformed() }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard skipDigits() > 0 else { throw Malformed() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw Malformed() }
        }
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, let integer = Self.integer(text, negative: negative) { return .int(integer) }
        return try Self.inexact(text)
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    /// The digits as an `Int64`, or nil when they overflow it.
    private static func integer(_ text: UnsafeBufferPointer<UInt8>, negative: Bool) -> Int64? {
        var value: Int64 = 0
        for byte in text.dropFirst(negative ? 1 : 0) {
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflowTen) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowDigit) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowTen, !overflowDigit else { return nil }
            value = next
        }
        return value
    }

    /// A number with a fraction or exponent, or an integer beyond `Int64`: see the type's comment.
    private static func inexact(_ text: UnsafeBufferPointer<UInt8>) throws(Malformed) -> JSONValue {
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite else { throw Malformed() }
        guard let integer = Int64(exactly: double) else { return .double(double) }
        if double.magnitude < 9_007_199_254_740_992 { return .int(integer) }
        return LegacyJSON.integer(text).map(JSONValue.int) ?? .double(double)
    }
}
