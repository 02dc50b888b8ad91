import NeedleProtocol
import NeedleTesting

/// Seeded random responses for comparing ``Response/encodedLine()`` with the reference
/// encoder: every case, optionals present and absent, hostile strings, doubles of every
/// magnitude (now and then NaN or infinite), ids of every JSON kind.
struct RandomResponses {
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Pieces of strings: escapes, control characters, slashes, composed and decomposed
    /// accents (they sort differently as bytes and as `String`s), emoji, non-BMP and edge scalars.
    static let stringPieces = [
        "acne", "PCI", "a b", "\"", "\\", "/", "</script>", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\n", "\u{b}", "\u{c}", "\r",
        "\u{1f}", "\u{7f}", "é", "e\u{301}", "Å", "\u{212B}", "Æ", "ß", "İ", "😀", "👩‍👩‍👧", "\u{2028}", "\u{2029}", "\u{FEFF}",
        "\u{FFFF}", "\u{E000}", "\u{10FFFF}", "中文", "_", "A", "z", "0", "9", "{", "}", "[", "]", ":", ",", " ", "…",
    ]

    static let specialDoubles: [Double] = [
        0, -0.0, 0.1, 0.5, 1, -1, 1.0 / 3, 2.0 / 3, 1e-7, 1e-5, 1e-4, 0.001, 1e15, 1e16, 1e17, 1e21, 1e22, 123456789,
        123456789.125, 9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_994, 1e300, -1e300,
        .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .ulpOfOne,
        Double(Int64.max), Double(Int64.min), 4.35, 7.2, 100, -2.5,
    ]

    mutating func response() -> Response {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return .search(id: id(), searchResult())
        case 1: return .ask(id: id(), askResult())
        case 2: return .suggest(id: id(), SuggestResult(tookMicroseconds: int(), suggestions: list { $0.suggestion() }))
        case 3: return .pong(id: id())
        case 4: return .stats(id: id(), statsResult())
        case 5: return .reloaded(id: id(), indexInfo())
        case 6: return .metrics(id: id(), prometheus: string())
        default: return .error(ProtocolError(id: id(), ErrorCode.allCases.randomElement(using: &random)!, string()))
        }
    }

    mutating func string() -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.stringPieces.randomElement(using: &random)! }.joined()
    }

    /// Mostly finite; one in 200 is NaN or infinite, which neither encoder can write.
    mutating func double() -> Double {
        switch Int.random(in: 0..<200, using: &random) {
        case 0: return [Double.nan, .infinity, -.infinity].randomElement(using: &random)!
        case 1..<40: return Self.specialDoubles.randomElement(using: &random)!
        case 40..<80:
            let bits = Double(bitPattern: random.next())
            return bits.isFinite ? bits : 0.25
        case 80..<120: return Double(Int.random(in: -1_000_000...1_000_000, using: &random))
        case 120..<160:
            return Double.random(in: 0..<1, using: &random) * pow10(Int.random(in: -30...30, using: &random))
        default: return Double.random(in: -100...100, using: &random)
        }
    }

    private mutating func int() -> Int {
        Bool.random(using: &random) ? Int.random(in: 0...10_000, using: &random) : Int.random(in: Int.min...Int.max, using: &random)
    }

    private mutating func optional<T>(_ make: (inout Self) -> T) -> T? {
        Bool.random(using: &random) ? make(&self) : nil
    }

    private mutating func list<T>(_ make: (inout Self) -> T) -> [T] {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in make(&self) }
    }

    private mutating func id() -> JSONValue? {
        Int.random(in: 0..<5, using: &random) == 0 ? nil : jsonValue(depth: 0)
    }

    private mutating func jsonValue(depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth < 3 ? 7 : 5), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .int(Int64.random(in: Int64.min...Int64.max, using: &random))
        case 3: return .double(double())
        case 4: return .string(string())
        case 5: return .array(list { $0.jsonValue(depth: depth + 1) })
        default:
            return .object(Dictionary(list { ($0.string(), $0.jsonValue(depth: depth + 1)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    private mutating func searchResult() -> SearchResult {
        SearchResult(
            tookMicroseconds: int(), total: int(), hits: list { $0.searchHit() }, expanded: list { $0.string() },
            interpretedAs: list { $0.interpretation() }, dropped: optional { $0.list { $0.string() } }, didYouMean: optional { $0.string() }, corrected: Bool.random(using: &random),
            facets: optional { $0.facets() }, explain: optional { QueryExplanation(match: $0.string(), formula: $0.string()) })
    }

    private mutating func searchHit() -> SearchHit {
        SearchHit(
            slug: string(), title: string(), kind: string(), score: double(), section: optional { $0.string() }, snippet: string(),
            explain: optional { $0.scoreExplanation() })
    }

    private mutating func askResult() -> AskResult {
        AskResult(
            tookMicroseconds: int(), answers: list { $0.answer() }, intent: optional { $0.string() }, topic: string(),
            interpretedAs: list { $0.interpretation() }, dropped: optional { $0.list { $0.string() } }, didYouMean: optional { $0.string() }, corrected: Bool.random(using: &random),
            suggestions: list { ArticleReference(slug: $0.string(), title: $0.string()) })
    }

    private mutating func answer() -> AskResult.Answer {
        AskResult.Answer(
            slug: string(), title: string(), section: optional { $0.string() }, text: string(), score: double(), confidence: double(),
            explain: optional { $0.scoreExplanation() })
    }

    private mutating func scoreExplanation() -> ScoreExplanation {
        ScoreExplanation(
            bm25: double(), bm25Normalized: double(),
            fields: Dictionary(list { ($0.string(), $0.double()) }, uniquingKeysWith: { first, _ in first }),
            nameMatch: double(), matchedName: optional { $0.string() }, synonymWeight: double(), headingMatch: double(),
            passageMatch: optional { $0.double() })
    }

    private mutating func interpretation() -> Interpretation {
        Interpretation(term: string(), concept: string(), via: string(), ambiguous: Bool.random(using: &random))
    }

    private mutating func facets() -> Facets {
        Facets(kind: list { Facets.Count(value: $0.string(), count: $0.int()) }, concern: list { Facets.Count(value: $0.string(), count: $0.int()) })
    }

    private mutating func suggestion() -> Suggestion {
        Suggestion(text: string(), slug: string(), kind: string(), matched: string())
    }

    private mutating func statsResult() -> StatsResult {
        StatsResult(
            uptimeSeconds: double(), requests: int(), connections: int(), index: indexInfo(), errors: optional { $0.int() },
            connectionsTotal: optional { $0.int() }, connectionsRefused: optional { $0.int() }, reloads: optional { $0.int() },
            reloadFailures: optional { $0.int() },
            ops: optional { Dictionary($0.list { ($0.string(), $0.operationStats()) }, uniquingKeysWith: { first, _ in first }) },
            resultCache: optional { CacheStats(capacity: $0.int(), entries: $0.int(), hits: $0.int(), misses: $0.int()) })
    }

    private mutating func operationStats() -> OperationStats {
        OperationStats(requests: int(), errors: int(), p50Microseconds: int(), p90Microseconds: int(), p99Microseconds: int())
    }

    private mutating func indexInfo() -> IndexInfo {
        IndexInfo(
            path: string(),
            meta: IndexMeta(
                schemaVersion: int(), corpusDigest: string(), builtAt: string(), articles: int(), passages: int(),
                synonyms: int()))
    }

    private func pow10(_ exponent: Int) -> Double {
        (0..<abs(exponent)).reduce(1.0) { value, _ in exponent < 0 ? value / 10 : value * 10 }
    }
}
