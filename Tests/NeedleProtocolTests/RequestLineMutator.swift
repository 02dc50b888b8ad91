import NeedleTesting

/// Seeded request lines near the edge of JSON: valid requests with numbers in every notation,
/// then bytes inserted, deleted, replaced or cut, for comparing ``RequestDecoder`` with
/// ``ReferenceRequestDecoder``. Lines stay short, so they never nest deep enough to trap the reference.
struct RequestLineMutator {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Pieces inserted into lines: structure, escapes, literals, number parts, NUL, a BOM, accents.
    static let pieces: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", " ", "\t", "\r", "\n", "0", "1", "9", "-", "+", ".", "e", "E", "true", "false",
        "null", "nul", "\\u", "\\ud83d", "\\ude00", "\\u00e9", "\\n", "\\/", "\\x", "é", "e\u{301}", "😀", "\u{7f}", "\"op\"",
        "\"id\"", "\"q\"", "\"limit\"", "\"filter\"", ",\"op\":\"ping\"", ",}", ",]", "[1,]", "1e400", "1e-400", "2e308",
        "9007199254740993.5", "-9223372036854775809", "9223372036854775807",
    ].map { Array($0.utf8) } + [[0], [0xef, 0xbb, 0xbf], [0x7b, 0x00], [0x00, 0x7b]]

    static let ops = ["search", "suggest", "ask", "ping", "stats", "reload", "metrics", "fly", "", "Search"]
    static let fields = ["id", "q", "limit", "offset", "min_confidence", "facets", "explain", "filter", "op", "extra"]

    mutating func line() -> [UInt8] {
        var line = Array(request().utf8)
        for _ in 0..<Int.random(in: 0...3, using: &random) { mutate(&line) }
        return line
    }

    /// A request with random fields whose values are of random kinds and notations.
    mutating func request() -> String {
        var members = [#""op":"\#(Self.ops.randomElement(using: &random)!)""#]
        for _ in 0..<Int.random(in: 0...5, using: &random) {
            members.append(#""\#(Self.fields.randomElement(using: &random)!)":\#(value(depth: 0))"#)
        }
        members.shuffle(using: &random)
        return "{" + members.joined(separator: ",") + "}"
    }

    private mutating func value(depth: Int) -> String {
        switch Int.random(in: 0..<(depth < 2 ? 9 : 7), using: &random) {
        case 0: return ["null", "true", "false"].randomElement(using: &random)!
        case 1, 2, 3: return number()
        case 4, 5: return #""\#(["acne", "PCI", "a\\\"b", "\\u00e9", "\\ud83d\\ude00", "", "treatment"].randomElement(using: &random)!)""#
        case 6: return #"{"kind":"treatment","concern":"acne"}"#
        case 7: return "[" + (0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            let keys = ["kind", "concern", "a", "kind"]
            return "{" + (0..<Int.random(in: 0...3, using: &random)).map { _ in
                #""\#(keys.randomElement(using: &random)!)":\#(value(depth: depth + 1))"#
            }.joined(separator: ",") + "}"
        }
    }

    /// A JSON number in any notation: long or short digits, fraction, exponent, sign.
    mutating func number() -> String {
        var text = Bool.random(using: &random) ? "-" : ""
        let digits = Int.random(in: 0...24, using: &random)
        text += digits == 0 ? "0" : String(Int.random(in: 1...9, using: &random)) + self.digits(digits - 1)
        if Int.random(in: 0..<3, using: &random) == 0 { text += "." + self.digits(Int.random(in: 1...20, using: &random)) }
        if Int.random(in: 0..<3, using: &random) == 0 {
            text += ["e", "E"].randomElement(using: &random)! + ["", "+", "-"].randomElement(using: &random)!
            text += String(Int.random(in: 0...330, using: &random))
        }
        return text
    }

    private mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
    }

    private mutating func mutate(_ line: inout [UInt8]) {
        let position = Int.random(in: 0...line.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: line.insert(contentsOf: Self.pieces.randomElement(using: &random)!, at: position)
        case 1: line.removeSubrange(position..<min(line.count, position + Int.random(in: 1...3, using: &random)))
        case 2 where position < line.count: line[position] = Self.pieces.randomElement(using: &random)!.first!
        default: line.removeSubrange(position...)
        }
    }
}
