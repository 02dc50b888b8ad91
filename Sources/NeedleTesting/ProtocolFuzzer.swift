import Foundation

/// Generates hostile request lines for the daemon: random bytes, truncated and deeply
/// nested JSON, huge numbers, wrong types, NULs, invalid UTF-8, megabyte lines, and
/// valid requests mixed in. Deterministic for a given seed.
///
/// ```swift
/// var fuzzer = ProtocolFuzzer(seed: 1)
/// let input = fuzzer.next()   // e.g. {"op":"search","q":{"a":[1]}}\n, family "wrong-type"
/// ```
public struct ProtocolFuzzer: Sendable {
    private var random: SeededGenerator
    /// One input in this many is a line longer than a megabyte.
    public var hugeLineEvery = 1000

    /// A generator whose inputs are fixed by `seed`.
    public init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    static let words = ["acne", "scars", "PCI", "botox", "dark", "spots", "sunblock", "peel", "retin-a", "\"skin needling\"",
                        "OR", "NEAR(", "*", "^", ":", "AND", "NOT", "é", "😀", "\\u0000", "'", "%", "--"]
    static let valid = [
        #"{"id":1,"op":"ping"}"#, #"{"id":2,"op":"stats"}"#, #"{"id":3,"op":"search","q":"acne scars","limit":3}"#,
        #"{"id":"x","op":"search","q":"PCI","limit":2,"offset":1,"filter":{"kind":"treatment"}}"#, #"{"op":"metrics"}"#,
        #"{"id":4,"op":"search","q":"dark spots","filter":{"concern":"acne scars"},"facets":true,"explain":true}"#,
        #"{"id":5,"op":"suggest","q":"mirco","limit":5}"#, #"{"id":6,"op":"ask","q":"Does botox hurt?","min_confidence":0.3}"#,
    ]
    /// The ops that take a query, for generated queries.
    static let queryOps = ["search", "suggest", "ask"]

    /// The next input line; each family is about equally likely, valid requests twice as likely.
    public mutating func next() -> FuzzInput {
        if Int.random(in: 0..<hugeLineEvery, using: &random) == 0 { return finish("huge-line", hugeLine()) }
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return finish("random-bytes", randomBytes())
        case 1: return finish("truncated-json", truncated())
        case 2: return finish("nested-json", nested())
        case 3: return finish("huge-number", hugeNumber())
        case 4: return finish("wrong-type", wrongType())
        case 5: return finish("nul", nul())
        case 6: return finish("invalid-utf8", invalidUTF8())
        case 7:
            let op = Self.queryOps.randomElement(using: &random)!
            return finish("unicode-query", Array(#"{"op":"\#(op)","q":"\#(unicodeQuery())","limit":1}"#.utf8))
        default: return finish("valid", Array(validRequest().utf8), valid: true)
        }
    }

    /// Removes newlines, makes sure the line is not blank, and ends it with `\n`.
    private func finish(_ family: String, _ body: [UInt8], valid: Bool = false) -> FuzzInput {
        var line = body.map { $0 == 0x0a ? UInt8(ascii: "?") : $0 }
        if !line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0d }) { line.insert(UInt8(ascii: "!"), at: 0) }
        if line.last == 0x0d { line.append(UInt8(ascii: "!")) }
        return FuzzInput(family: family, bytes: line + [0x0a], isValid: valid)
    }

    private mutating func randomBytes() -> [UInt8] {
        (0..<Int.random(in: 1...256, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    private mutating func truncated() -> [UInt8] {
        let request = Array(Self.valid.randomElement(using: &random)!.utf8)
        return Array(request.prefix(Int.random(in: 1..<request.count, using: &random)))
    }

    private mutating func nested() -> [UInt8] {
        let depth = Int.random(in: 1...30_000, using: &random)
        let (open, close): (String, String) = Bool.random(using: &random) ? ("[", "]") : (#"{"a":"#, "}")
        let closing = Bool.random(using: &random) ? depth : Int.random(in: 0...depth, using: &random)
        let inner = #"{"op":"search","q":"acne"}"#
        return Array((String(repeating: open, count: depth) + inner + String(repeating: close, count: closing)).utf8)
    }

    private mutating func hugeNumber() -> [UInt8] {
        let numbers = ["1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809", "9223372036854775807",
                       "0.5", "1e15", "-0", "1E-400", String(repeating: "9", count: Int.random(in: 20...5000, using: &random))]
        let field = ["limit", "offset", "id"].randomElement(using: &random)!
        return Array(#"{"op":"search","q":"acne","\#(field)":\#(numbers.randomElement(using: &random)!)}"#.utf8)
    }

    private mutating func wrongType() -> [UInt8] {
        let values = ["null", "true", "1", "\"x\"", "[]", "{}", "[1,\"a\",{}]", "{\"kind\":7}", "-1", "1.5"]
        let value = values.randomElement(using: &random)!
        let templates = [
            #"{"op":\#(value)}"#, #"{"op":"search","q":\#(value)}"#, #"{"op":"search","q":"a","limit":\#(value)}"#,
            #"{"op":"search","q":"a","filter":\#(value)}"#, #"{"op":"search","q":"a","offset":\#(value)}"#, value,
            #"{"op":"search","q":"a","filter":{"kind":\#(value)}}"#, #"{"op":"fly","id":\#(value)}"#,
            #"{"op":"search","q":"a","facets":\#(value)}"#, #"{"op":"search","q":"a","filter":{"concern":\#(value)}}"#,
            #"{"op":"suggest","q":\#(value)}"#, #"{"op":"suggest","q":"a","limit":\#(value)}"#,
            #"{"op":"ask","q":\#(value)}"#, #"{"op":"ask","q":"a","min_confidence":\#(value)}"#, #"{"op":"ask","q":"a","explain":\#(value)}"#,
        ]
        return Array(templates.randomElement(using: &random)!.utf8)
    }

    private mutating func nul() -> [UInt8] {
        var bytes = Array(Self.valid.randomElement(using: &random)!.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            bytes.insert(0, at: Int.random(in: 0...bytes.count, using: &random))
        }
        return bytes
    }

    private mutating func invalidUTF8() -> [UInt8] {
        let bad: [[UInt8]] = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0x80]]
        var bytes = Array(#"{"op":"search","q":"acne "#.utf8) + bad.randomElement(using: &random)!
        bytes += Array(#""}"#.utf8)
        return bytes
    }

    private mutating func hugeLine() -> [UInt8] {
        let size = Int.random(in: 1_000_000...1_100_000, using: &random)
        return Array(#"{"op":"search","q":""#.utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: size) + Array(#""}"#.utf8)
    }

    private mutating func unicodeQuery() -> String {
        let pieces = ["\\u0000", "\\ud800", "\\udfff", "\\u00e9", "😀", "ﷺ", "\\t", "\\\\", "\\\"", "acne", "Ⅻ", "ß", "İ"]
        return (0..<Int.random(in: 1...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
    }

    private mutating func validRequest() -> String {
        if Bool.random(using: &random) { return Self.valid.randomElement(using: &random)! }
        let query = (0..<Int.random(in: 1...8, using: &random)).map { _ in Self.words.randomElement(using: &random)! }
        let escaped = query.joined(separator: " ").replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let op = Self.queryOps.randomElement(using: &random)!
        return #"{"id":\#(Int.random(in: 0...1_000_000, using: &random)),"op":"\#(op)","q":"\#(escaped)","limit":\#(Int.random(in: 0...3, using: &random))}"#
    }
}
