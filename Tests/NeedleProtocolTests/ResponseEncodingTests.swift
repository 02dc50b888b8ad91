import Foundation
import NeedleProtocol
import Testing

/// ``Response/encodedLine()`` writes JSON by hand; these compare it byte for byte with
/// `JSONEncoder` over the types' `Encodable` form (``ReferenceResponseEncoder``), the wire format
/// clients already read.
@Suite struct ResponseEncodingTests {
    private func expectSameBytes(_ response: Response, sourceLocation: SourceLocation = #_sourceLocation) {
        let written = response.encodedLine()
        let reference = ReferenceResponseEncoder.encodedLine(response)
        #expect(
            String(decoding: written, as: UTF8.self) == String(decoding: reference, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(written == reference, "same bytes, not only the same characters", sourceLocation: sourceLocation)
    }

    static let index = IndexInfo(
        path: "/var/lib/needle/index.sqlite",
        meta: IndexMeta(
            schemaVersion: 3, corpusDigest: "96ad0f", builtAt: "2026-11-25T23:17:11Z", articles: 120, passages: 900,
            synonyms: 45))
    static let explanation = ScoreExplanation(
        bm25: 12.5, bm25Normalized: 1, fields: ["title": 3.25, "body": 0.5, "aliases": 0], nameMatch: 0.5, matchedName: "PCI",
        synonymWeight: 0.8, headingMatch: 0, passageMatch: 0.75)
    static let bareExplanation = ScoreExplanation(
        bm25: 1, bm25Normalized: 0.1, fields: [:], nameMatch: 0, matchedName: nil, synonymWeight: 1, headingMatch: 0.3)
    static let interpretation = Interpretation(term: "dark spots", concept: "Hyperpigmentation", via: "synonyms.txt:12", ambiguous: true)

    static let responses: [Response] = [
        .pong(id: nil),
        .pong(id: .int(1)),
        .search(id: .int(1), SearchResult(total: 0, hits: [], expanded: [])),
        .search(id: .string("q-1"), SearchResult(
            tookMicroseconds: 1234, total: 2,
            hits: [
                SearchHit(slug: "microneedling", title: "Microneedling", kind: "treatment", score: 7.2, section: nil, snippet: "[PCI]"),
                SearchHit(
                    slug: "peels", title: "Chemical peels", kind: "treatment", score: 1.0 / 3, section: "Recovery", snippet: "a/b \"c\"",
                    explain: explanation),
            ],
            expanded: ["pci", "\"skin needling\""], interpretedAs: [interpretation], didYouMean: "microneedling", corrected: true,
            facets: Facets(kind: [.init(value: "treatment", count: 12)], concern: [.init(value: "acne scars", count: 5)]),
            explain: QueryExplanation(match: "\"pci\" OR \"skin needling\"", formula: "bm25 × 0.6 + name × 0.4"))),
        .ask(id: nil, AskResult(answers: [], intent: nil, topic: "")),
        .ask(id: .double(2.5), AskResult(
            tookMicroseconds: 9,
            answers: [
                .init(slug: "botox", title: "Botox", section: nil, text: "It stings.\nBriefly.", score: 4, confidence: 0.875),
                .init(slug: "botox", title: "Botox", section: "Pain", text: "…", score: 1e-7, confidence: 1, explain: bareExplanation),
            ],
            intent: "pain", topic: "botox", interpretedAs: [interpretation], didYouMean: "botox", corrected: true,
            suggestions: [ArticleReference(slug: "botox", title: "Botox")])),
        .suggest(id: .int(2), SuggestResult(tookMicroseconds: 7, suggestions: [])),
        .suggest(id: .int(2), SuggestResult(tookMicroseconds: 7, suggestions: [
            Suggestion(text: "Microneedling", slug: "microneedling", kind: "treatment", matched: "PCI"),
            Suggestion(text: "Micro-peel", slug: "micro-peel", kind: "treatment", matched: "micro"),
        ])),
        .stats(id: .int(5), StatsResult(uptimeSeconds: 1.5, requests: 4, connections: 1, index: index)),
        .stats(id: nil, StatsResult(
            uptimeSeconds: 86_400.25, requests: 3, connections: 1, index: index, errors: 1, connectionsTotal: 2, connectionsRefused: 0,
            reloads: 4, reloadFailures: 1,
            ops: [
                "search": OperationStats(requests: 3, errors: 1, p50Microseconds: 10, p90Microseconds: 20, p99Microseconds: 30),
                "invalid": OperationStats(requests: 0, errors: 0, p50Microseconds: 0, p90Microseconds: 0, p99Microseconds: 0),
            ])),
        .reloaded(id: .int(3), index),
        .metrics(id: .int(9), prometheus: "needle_requests_total{op=\"ping\"} 1\n# HELP x\n"),
        .error(ProtocolError(.badJSON, "the request is not valid JSON")),
        .error(ProtocolError(id: .string("x"), .unknownOp, "unknown op 'fly'")),
    ]

    @Test(arguments: responses)
    func everyResponseCaseMatchesJSONEncoder(_ response: Response) {
        expectSameBytes(response)
    }

    @Test(arguments: [
        "", "plain", "quote \" and backslash \\", "slash / and </script>", "\u{0}\u{1}\u{7}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{1b}\u{1f}",
        "delete \u{7f}", "é and e\u{301}", "emoji 😀 👩‍👩‍👧", "line separator \u{2028} \u{2029}", "BOM \u{FEFF}", "中文 ß İ",
        "\u{10FFFF}\u{FFFF}\u{E000}", String(repeating: "long \" ", count: 500),
    ])
    func stringsAreEscapedAsJSONEncoderEscapesThem(_ text: String) {
        expectSameBytes(.metrics(id: .string(text), prometheus: text))
        expectSameBytes(.error(ProtocolError(.internal, text)))
    }

    @Test(arguments: RandomResponses.specialDoubles + [-1e-7, 1e-300, -123.456, 0.1 + 0.2, 5e-324, 1e23, 2e-8])
    func doublesPrintAsJSONEncoderPrintsThem(_ number: Double) {
        expectSameBytes(.pong(id: .double(number)))
        expectSameBytes(.stats(id: nil, StatsResult(uptimeSeconds: number, requests: 0, connections: 0, index: Self.index)))
    }

    @Test(arguments: [
        JSONValue.null, .bool(true), .bool(false), .int(0), .int(-1), .int(.max), .int(.min), .double(0.5), .double(-0.0),
        .string("id/1"), .array([]), .array([.int(1), .string("a"), .null, .array([.bool(false)])]), .object([:]),
        .object(["b": .int(1), "a": .object(["z": .null, "_": .double(1e21), "A": .string("\"")]), "reloads": .int(1), "reload_failures": .int(2)]),
        .object(["\u{212B}": .int(1), "Æ": .int(2), "e\u{301}z": .int(3), "éa": .int(4), "😀": .int(5), "\u{FF42}": .int(6)]),
    ])
    func idsOfEveryJSONKindAreEchoedAsJSONEncoderWritesThem(_ id: JSONValue) {
        expectSameBytes(.pong(id: id))
        expectSameBytes(.error(ProtocolError(id: id, .badRequest, "missing field 'op'")))
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func aNumberJSONCannotHoldGivesTheInternalErrorLine(_ number: Double) {
        let hit = SearchHit(slug: "a", title: "A", kind: "guide", score: number, section: nil, snippet: "")
        let response = Response.search(id: .int(1), SearchResult(total: 1, hits: [hit], expanded: []))
        #expect(response.encodedLine() == Array(#"{"ok":false,"error":{"code":"internal","message":"response could not be encoded"}}"#.utf8) + [0x0a])
        expectSameBytes(response)
    }

    @Test func fiveThousandRandomResponsesMatchJSONEncoder() {
        var responses = RandomResponses(seed: 6)
        for _ in 0..<5000 {
            let response = responses.response()
            let written = response.encodedLine()
            let reference = ReferenceResponseEncoder.encodedLine(response)
            if written != reference {
                Issue.record("\(String(decoding: written, as: UTF8.self)) != \(String(decoding: reference, as: UTF8.self))")
                return
            }
        }
    }
    /// Each result type's `jsonFields` and its `Decodable` conformance share `CodingKeys`; a reply
    /// decodes back to the result it was written from, so neither side lost or renamed a field.
    @Test func fiveThousandRandomResultsDecodeFromTheirLinesUnchanged() throws {
        var responses = RandomResponses(seed: 7)
        for _ in 0..<5000 {
            let response = responses.response()
            let line = Data(response.encodedLine())
            if line.starts(with: Data(#"{"ok":false"#.utf8)) { continue }   // a NaN, which JSON cannot hold
            let same: Bool
            switch response {
            case let .search(_, result): same = try JSONDecoder().decode(SearchResult.self, from: line) == result
            case let .ask(_, result): same = try JSONDecoder().decode(AskResult.self, from: line) == result
            case let .suggest(_, result): same = try JSONDecoder().decode(SuggestResult.self, from: line) == result
            case let .stats(_, result): same = try JSONDecoder().decode(StatsResult.self, from: line) == result
            default: continue
            }
            if !same {
                Issue.record("\(String(decoding: line, as: UTF8.self)) decodes to another result")
                return
            }
        }
    }
}
