/// Appends JSON text to a byte buffer, byte for byte as Foundation's `JSONEncoder` writes it
/// with `[.sortedKeys, .withoutEscapingSlashes]`, without its generic boxing.
///
/// ```swift
/// var json = JSONWriter()
/// json.beginObject()
/// try json.field("ok", true)
/// try json.field("took_us", 12)
/// json.endObject()
/// json.finishLine()   // Array(#"{"ok":true,"took_us":12}"#.utf8) + [0x0a]
/// ```
///
/// The writer does not sort: callers write an object's keys in the order `JSONEncoder` would,
/// that is by their UTF-8 bytes (`"reload_failures"` before `"reloads"`); a ``JSONFields``
/// table sorts its fields so once. Dictionaries are sorted here the same way. Commas are placed by the writer: it remembers only whether the
/// last thing written was a complete value, which is all JSON needs.
struct JSONWriter {
    /// A double that JSON cannot represent (NaN or infinite); `JSONEncoder` fails on it too.
    struct InvalidNumber: Error {
        let value: Double
    }

    private var bytes: [UInt8]
    /// True after a complete value, when the next key or array element needs a comma first.
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The bytes written, and a newline: the writer's buffer is handed over, not copied.
    consuming func finishLine() -> [UInt8] {
        bytes.append(0x0a)
        return bytes
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A key known when compiling, which needs no escaping (the protocol's field names).
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A key already written as `"name":` (``JSONField`` prepares its key once).
    mutating func key(quoted bytes: [UInt8]) {
        separate()
        self.bytes.append(contentsOf: bytes)
    }

    /// A key from data (a dictionary's), escaped like any string.
    mutating func key(_ name: String) {
        value(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        needsComma = true
    }

    mutating func value(_ flag: Bool) {
        separate()
        if flag {
            bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
        needsComma = true
    }

    mutating func value(_ number: Int) {
        value(Int64(number))
    }

    mutating func value(_ number: Int64) {
        separate()
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(of: number.magnitude)
        needsComma = true
    }

    /// Shortest round-trip digits, as `Double.description` gives them, less a trailing `.0`:
    /// `1` for 1.0, `0.5`, `1e-05`, `1e+21`, `-0` for -0.0. That is `JSONEncoder`'s rule.
    mutating func value(_ number: Double) throws(InvalidNumber) {
        guard number.isFinite else { throw InvalidNumber(value: number) }
        separate()
        // Integers below 2^53 print as their exact digits, since no shorter decimal round-trips.
        if number.magnitude < 9_007_199_254_740_992, number.rounded(.towardZero) == number {
            if number.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendDigits(of: UInt64(number.magnitude))
        } else {
            bytes.append(contentsOf: number.description.utf8)
            if bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "."), bytes[bytes.count - 1] == UInt8(ascii: "0") {
                bytes.removeLast(2)
            }
        }
        needsComma = true
    }

    /// A number's text as a request wrote it (``JSONValue/verbatimNumber(_:)``), already valid JSON.
    mutating func number(verbatim text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// A string with `"`, `\` and control characters escaped; `/` and all else as is.
    mutating func value(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func array(_ items: [some JSONWritable]) throws(InvalidNumber) {
        beginArray()
        for item in items { try item.write(to: &self) }
        endArray()
    }

    /// An object of the dictionary's entries, keys in the order of their UTF-8 bytes.
    mutating func object(_ entries: [String: some JSONWritable]) throws(InvalidNumber) {
        beginObject()
        for (name, item) in Self.sorted(entries) {
            key(name)
            try item.write(to: &self)
        }
        endObject()
    }

    /// A key and its value, for the envelope fields written outside a ``JSONFields`` table.
    mutating func field(_ name: StaticString, _ item: some JSONWritable) throws(InvalidNumber) {
        key(name)
        try item.write(to: &self)
    }

    /// `JSONEncoder`'s `.sortedKeys` order: by UTF-8 bytes, not by `String`'s `<`, which
    /// compares the canonical (NFC) form and so can differ for decomposed characters.
    private static func sorted<Value>(_ entries: [String: Value]) -> [(key: String, value: Value)] {
        entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private mutating func separate() {
        if needsComma {
            bytes.append(UInt8(ascii: ","))
            needsComma = false
        }
    }

    private mutating func appendDigits(of magnitude: UInt64) {
        let start = bytes.count
        var rest = magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// Copies runs of plain bytes whole; escapes as `JSONEncoder` does: `\"`, `\\`, `\b`, `\f`,
    /// `\n`, `\r`, `\t`, other control characters as `\u00xx` in lowercase hex.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0c: bytes.append(UInt8(ascii: "f"))
            case 0x0a: bytes.append(UInt8(ascii: "n"))
            case 0x0d: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(byte >> 4), hexDigit(byte & 0xf)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    private func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
