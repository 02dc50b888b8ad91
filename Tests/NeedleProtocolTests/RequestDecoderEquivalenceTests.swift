import Foundation
import NeedleProtocol
import NeedleTesting
import Testing

/// ``RequestDecoder`` reads JSON by hand (``JSONReader``); these compare its every answer, value
/// or error, with ``ReferenceRequestDecoder``, which reads with Foundation's `JSONDecoder`.
@Suite struct RequestDecoderEquivalenceTests {
    private func expectSameAnswer(_ line: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let answer = Self.readingVerbatimID(RequestDecoder.decode(line))
        let reference = ReferenceRequestDecoder.decode(line)
        #expect(answer == reference, "\(String(decoding: line.prefix(300), as: UTF8.self).debugDescription)", sourceLocation: sourceLocation)
    }

    /// The answer with an id kept as written (``JSONValue/verbatimNumber(_:)``) read as
    /// `JSONDecoder` reads that text: its value must agree with the reference; that it is echoed
    /// as written is `RequestDecoderTests`' concern.
    private static func readingVerbatimID(_ answer: Result<Request, ProtocolError>) -> Result<Request, ProtocolError> {
        func read(_ id: JSONValue?) -> JSONValue? {
            guard case .verbatimNumber(let text)? = id else { return id }
            return try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        }
        switch answer {
        case .success(var request):
            request.id = read(request.id)
            return .success(request)
        case .failure(var error):
            error.id = read(error.id)
            return .failure(error)
        }
    }

    /// Numbers: integer notations, the Int64 edges, doubles, what no Double holds, bad grammar.
    static let numberLines: [String] = [
        #"{"id":1.0,"op":"ping"}"#, #"{"id":1e2,"op":"ping"}"#, #"{"id":-0,"op":"ping"}"#, #"{"id":-0.0,"op":"ping"}"#,
        #"{"id":1e-400,"op":"ping"}"#, #"{"id":1E400,"op":"ping"}"#, #"{"id":2e308,"op":"ping"}"#, #"{"id":4.9e-324,"op":"ping"}"#,
        #"{"id":9223372036854775807,"op":"ping"}"#, #"{"id":9223372036854775808,"op":"ping"}"#,
        #"{"id":-9223372036854775808,"op":"ping"}"#, #"{"id":-9223372036854775809,"op":"ping"}"#,
        #"{"id":-9223372036854775808.0,"op":"ping"}"#, #"{"id":9223372036854775807.0,"op":"ping"}"#,
        #"{"id":9007199254740993.5,"op":"ping"}"#, #"{"id":9007199254740993.00000,"op":"ping"}"#, #"{"id":9007199254740992e0,"op":"ping"}"#,
        #"{"op":"suggest","q":"a","limit":9007199254740993.5}"#, #"{"op":"suggest","q":"a","limit":1e15}"#,
        #"{"op":"suggest","q":"a","limit":999999999999999.0}"#, #"{"op":"search","q":"a","offset":1e4}"#,
        #"{"op":"search","q":"a","offset":10000.5}"#, #"{"op":"ask","q":"a","min_confidence":1e0}"#,
        #"{"op":"ask","q":"a","min_confidence":-0.0}"#, #"{"op":"ask","q":"a","min_confidence":1.0000000000000001}"#,
        #"{"id":01,"op":"ping"}"#, #"{"id":1.,"op":"ping"}"#, #"{"id":.5,"op":"ping"}"#, #"{"id":+1,"op":"ping"}"#,
        #"{"id":-,"op":"ping"}"#, #"{"id":1e,"op":"ping"}"#, #"{"id":1e+,"op":"ping"}"#, #"{"id":0e0,"op":"ping"}"#,
        #"{"id":1.e1,"op":"ping"}"#, #"{"id":NaN,"op":"ping"}"#, #"{"id":Infinity,"op":"ping"}"#,
        #"{"id":"# + String(repeating: "9", count: 400) + #","op":"ping"}"#,
    ]

    /// Structure: trailing commas, empty elements, duplicates, whitespace, a BOM, literals, top-level kinds.
    static let structureLines: [String] = [
        #"{"op":"ping",}"#, #"{"id":[1,],"op":"ping"}"#, #"{"id":[,],"op":"ping"}"#, #"{"id":[1,,2],"op":"ping"}"#,
        #"{,"op":"ping"}"#, #"{"op":"ping",,"id":1}"#, #"{"op":"ping","op":"stats"}"#, #"{"id":1,"id":2,"op":"ping"}"#,
        #"{"op":"search","q":"a","filter":{"kind":"x","kind":"y"}}"#, "{\"op\":\"ping\",\"\u{e9}\":1,\"e\u{301}\":2}",
        " \t\r\n{\"op\":\"ping\"} \t\r\n", "\u{c}{\"op\":\"ping\"}", "\u{a0}{\"op\":\"ping\"}", "\u{feff}{\"op\":\"ping\"}",
        " \u{feff}{\"op\":\"ping\"}", "\u{feff}\u{feff}{\"op\":\"ping\"}", "\u{feff}", "", "   ", #"{"op":"ping"} x"#,
        #"{"op":"ping"}{}"#, #"{"op":"search","q":"a","facets":tru}"#, #"{"op":"search","q":"a","facets":True}"#,
        #"{1:2}"#, #"{'op':'ping'}"#, #"{"op":"ping"/*c*/}"#, #"{"op" "ping"}"#, "1", "\"x\"", "null", "[]", "true", "1.5", "{}",
        #"{"op":null}"#, #"{"op":"search","q":null}"#, #"{"op":"search","q":"a","limit":null}"#, #"{"op":"ping","x":{"y":[1,{"z":null}]}}"#,
    ]

    /// Strings: raw control characters, escapes, surrogates.
    static let stringLines: [String] = [
        "{\"op\":\"search\",\"q\":\"a\tb\"}", "{\"op\":\"search\",\"q\":\"a\u{7f}b\"}", "{\"op\":\"search\",\"q\":\"a\u{0}b\"}",
        #"{"op":"search","q":"a\u0000b"}"#, #"{"op":"search","q":"a\ud800b"}"#, #"{"op":"search","q":"a\udc00b"}"#,
        #"{"op":"search","q":"\ud800\u0041"}"#, #"{"op":"search","q":"\ud83d\ude00"}"#, #"{"op":"search","q":"\uD83D\uDE00"}"#,
        #"{"op":"search","q":"\ud800\ud800"}"#, #"{"op":"search","q":"\ud800"}"#, #"{"op":"search","q":"\x"}"#,
        #"{"op":"search","q":"\U0041"}"#, #"{"op":"search","q":"\u41"}"#, #"{"op":"search","q":"\u00g1"}"#,
        #"{"op":"search","q":"\b\f\n\r\t\"\\\/"}"#, #"{"op":"search","q":"\'"}"#, #"{"op":"search","q":"é😀 \u00e9"}"#,
    ]

    /// Depth: 512 nested arrays or objects are read, 513 are not.
    static let depthLines: [String] = [
        #"{"op":"ping","id":"# + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}",
        #"{"op":"ping","id":"# + String(repeating: "[", count: 512) + String(repeating: "]", count: 512) + "}",
        #"{"op":"ping","id":"# + String(repeating: #"{"a":"#, count: 511) + "1" + String(repeating: "}", count: 511) + "}",
        #"{"op":"ping","id":"# + String(repeating: #"{"a":"#, count: 512) + "1" + String(repeating: "}", count: 512) + "}",
        String(repeating: "[", count: 512) + String(repeating: "]", count: 512),
        String(repeating: "[", count: 513) + String(repeating: "]", count: 513),
        String(repeating: "[", count: 512), String(repeating: "[", count: 514) + " ",
    ]

    @Test(arguments: numberLines + structureLines + stringLines + depthLines)
    func edgeLinesGetTheSameAnswer(_ line: String) {
        expectSameAnswer(Array(line.utf8))
    }

    static let wideLines: [[UInt8]] = [
        Array(#"{"op":"ping","id":7}"#.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] },
        Array(#"{"op":"ping","id":7}"#.utf16).flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] },
        Array(#"{"op":"ping"}"#.utf8).flatMap { [0, 0, 0, $0] }, Array(#"{"op":"ping"}"#.utf8).flatMap { [$0, 0, 0, 0] },
        [0] + Array(#"{"op":"ping"}"#.utf8), Array("1".utf8) + [0], [0] + Array("1".utf8), [0, 0, 0, UInt8(ascii: "{")],
        [UInt8(ascii: "{"), 0] + Array(#""op":"ping"}"#.utf8), Array(#"{"op":"ping"}"#.utf8) + [0],
    ]

    @Test(arguments: wideLines)
    func linesJSONDecoderTookForUTF16OrUTF32GetTheSameAnswer(_ line: [UInt8]) {
        expectSameAnswer(line)
    }

    /// `JSONDecoder` traps on these (the 513th nested bracket is the last byte), so the reference
    /// cannot be asked; they are no JSON, in UTF-8 or UTF-16.
    static let trappingLines: [[UInt8]] = [
        Array(String(repeating: "[", count: 513).utf8), Array((#"{"op":"ping","id":"# + String(repeating: "[", count: 512)).utf8),
        Array(String(repeating: "[", count: 513).utf8).flatMap { [0, $0] },
    ]

    @Test(arguments: trappingLines)
    func linesThatTrappedJSONDecoderAreBadJSON(_ line: [UInt8]) {
        #expect(RequestDecoder.decode(line) == .failure(ProtocolError(.badJSON, "the request is not valid JSON")))
    }

    @Test func nestingFarBeyondTheLimitIsBadJSONNotAStackOverflow() {
        let line = Array((String(repeating: "[", count: 1_000_000) + String(repeating: "]", count: 1_000_000)).utf8)
        #expect(RequestDecoder.decode(line) == .failure(ProtocolError(.badJSON, "the request is not valid JSON")))
    }

    @Test func threeThousandFuzzedLinesGetTheSameAnswer() {
        var fuzzer = ProtocolFuzzer(seed: 6)
        fuzzer.hugeLineEvery = 300
        for _ in 0..<3000 {
            expectSameAnswer(Array(fuzzer.next().bytes.dropLast()))
        }
    }

    @Test func fiveThousandMutatedRequestsGetTheSameAnswer() {
        var mutator = RequestLineMutator(seed: 6)
        for _ in 0..<5000 {
            expectSameAnswer(mutator.line())
        }
    }
}
