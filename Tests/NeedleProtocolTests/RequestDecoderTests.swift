import NeedleProtocol
import Testing

@Suite struct RequestDecoderTests {
    private func decode(_ line: String) -> Result<Request, ProtocolError> {
        RequestDecoder.decode(Array(line.utf8))
    }

    @Test func decodesASearchWithAllFields() throws {
        let request = try decode(#"{"id":1,"op":"search","q":"acne scars","limit":5,"offset":10,"filter":{"kind":"treatment"}}"#).get()
        #expect(request.id == .int(1))
        #expect(request.operation == .search(SearchRequest(query: "acne scars", limit: 5, offset: 10, kind: "treatment")))
    }

    /// A numeric id comes back as the request wrote it, in replies and in errors alike.
    @Test(arguments: ["12345678901234567890", "-0", "1.0", "1e2", "-12.50", "0.1", "7", "-3"])
    func aNumericIDIsEchoedByteForByte(id: String) throws {
        let request = try decode(#"{"id":\#(id),"op":"ping"}"#).get()
        #expect(String(decoding: Response.pong(id: request.id).encodedLine(), as: UTF8.self) == #"{"id":\#(id),"ok":true}"# + "\n")
        guard case .failure(let error) = decode(#"{"id":\#(id),"op":"nope"}"#) else {
            Issue.record("an unknown op was accepted")
            return
        }
        #expect(String(decoding: Response.error(error).encodedLine(), as: UTF8.self).contains(#""id":\#(id),"ok":false"#))
    }

    @Test func anIDWrittenAsTheReplyWouldWriteItStaysAPlainNumber() throws {
        #expect(try decode(#"{"id":42,"op":"ping"}"#).get().id == .int(42))
        #expect(try decode(#"{"id":0.5,"op":"ping"}"#).get().id == .double(0.5))
    }

    @Test func searchFieldsHaveDefaults() throws {
        let request = try decode(#"{"op":"search","q":"pci"}"#).get()
        #expect(request.id == nil)
        #expect(request.operation == .search(SearchRequest(query: "pci", limit: 10, offset: 0)))
    }

    @Test func decodesSearchFiltersFacetsAndExplain() throws {
        let request = try decode(#"{"op":"search","q":"peel","filter":{"kind":"treatment","concern":"acne scars"},"facets":true,"explain":true}"#).get()
        #expect(request.operation == .search(SearchRequest(
            query: "peel", kind: "treatment", concern: "acne scars", facets: true, explain: true)))
    }

    @Test func decodesAnAskWithAllFields() throws {
        let request = try decode(#"{"id":3,"op":"ask","q":"Does botox hurt?","limit":5,"min_confidence":0.4,"filter":{"concern":"wrinkles"},"explain":true}"#).get()
        #expect(request.operation == .ask(AskRequest(
            question: "Does botox hurt?", limit: 5, minimumConfidence: 0.4, concern: "wrinkles", explain: true)))
    }

    @Test func askFieldsHaveDefaultsAndTheLimitIsCapped() throws {
        #expect(try decode(#"{"op":"ask","q":"why"}"#).get().operation == .ask(AskRequest(question: "why", limit: 3)))
        #expect(try decode(#"{"op":"ask","q":"why","limit":500}"#).get().operation
            == .ask(AskRequest(question: "why", limit: AskRequest.maximumLimit)))
    }

    @Test(arguments: [
        Request(id: .int(1), operation: .search(SearchRequest(query: "a", kind: "guide", concern: "acne", facets: true, explain: true))),
        Request(id: .int(2), operation: .ask(AskRequest(question: "b?", limit: 4, minimumConfidence: 0.25, kind: "treatment", explain: true))),
    ])
    func newFieldsSurviveEncodingAndDecoding(request: Request) throws {
        #expect(try RequestDecoder.decode(request.encodedLine().dropLast().map { $0 }).get() == request)
    }

    @Test func capsTheLimit() throws {
        let request = try decode(#"{"op":"search","q":"pci","limit":100000}"#).get()
        #expect(request.operation == .search(SearchRequest(query: "pci", limit: SearchRequest.maximumLimit)))
    }

    @Test func decodesASuggest() throws {
        let request = try decode(#"{"id":2,"op":"suggest","q":"micron","limit":5}"#).get()
        #expect(request.id == .int(2))
        #expect(request.operation == .suggest(SuggestRequest(query: "micron", limit: 5)))
    }

    @Test func suggestLimitDefaultsToEightAndIsCappedAtFifty() throws {
        #expect(try decode(#"{"op":"suggest","q":"pc"}"#).get().operation == .suggest(SuggestRequest(query: "pc", limit: 8)))
        #expect(try decode(#"{"op":"suggest","q":"pc","limit":null}"#).get().operation == .suggest(SuggestRequest(query: "pc", limit: 8)))
        #expect(try decode(#"{"op":"suggest","q":"pc","limit":51}"#).get().operation == .suggest(SuggestRequest(query: "pc", limit: 50)))
        #expect(try decode(#"{"op":"suggest","q":"pc","limit":0}"#).get().operation == .suggest(SuggestRequest(query: "pc", limit: 0)))
    }

    @Test(arguments: [(#"{"id":"a-1","op":"ping"}"#, JSONValue.string("a-1")), (#"{"id":7,"op":"stats"}"#, .int(7)), (#"{"id":null,"op":"reload"}"#, .null)])
    func keepsAnyIdAsItCame(line: String, id: JSONValue) throws {
        #expect(try decode(line).get().id == id)
    }

    @Test(arguments: [
        ("not json", ErrorCode.badJSON),
        ("{\"op\":\"ping\"", .badJSON),
        ("[1,2,3]", .badRequest),
        ("\"ping\"", .badRequest),
        ("{\"id\":1}", .badRequest),
        ("{\"op\":42}", .badRequest),
        ("{\"op\":\"fly\"}", .unknownOp),
        ("{\"op\":\"search\"}", .badRequest),
        ("{\"op\":\"search\",\"q\":5}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"limit\":\"10\"}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"limit\":-1}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"limit\":1.5}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"limit\":1e300}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"offset\":99999999}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"filter\":\"treatment\"}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"filter\":{\"kind\":3}}", .badRequest),
        ("{\"op\":\"suggest\"}", .badRequest),
        ("{\"op\":\"suggest\",\"q\":null}", .badRequest),
        ("{\"op\":\"suggest\",\"q\":[\"micro\"]}", .badRequest),
        ("{\"op\":\"suggest\",\"q\":\"x\",\"limit\":-1}", .badRequest),
        ("{\"op\":\"suggest\",\"q\":\"x\",\"limit\":\"8\"}", .badRequest),
        ("{\"op\":\"suggest\",\"q\":\"x\",\"limit\":2.5}", .badRequest),
        ("{\"op\":\"suggest\",\"q\":\"x\",\"limit\":true}", .badRequest),
        (String(repeating: "[", count: 100_000), .badJSON),
        ("{\"op\":\"search\",\"q\":\"x\",\"facets\":1}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"explain\":\"yes\"}", .badRequest),
        ("{\"op\":\"search\",\"q\":\"x\",\"filter\":{\"concern\":[]}}", .badRequest),
        ("{\"op\":\"ask\"}", .badRequest),
        ("{\"op\":\"ask\",\"q\":\"x\",\"min_confidence\":1.5}", .badRequest),
        ("{\"op\":\"ask\",\"q\":\"x\",\"min_confidence\":\"high\"}", .badRequest),
        ("{\"op\":\"ask\",\"q\":\"x\",\"limit\":-2}", .badRequest),
    ])
    func rejectsBadRequestsWithACode(line: String, code: ErrorCode) {
        guard case .failure(let error) = decode(line) else {
            Issue.record("accepted \(line.prefix(60))")
            return
        }
        #expect(error.code == code)
        #expect(!error.message.isEmpty)
    }

    @Test func rejectsInvalidUTF8() {
        guard case .failure(let error) = RequestDecoder.decode([0x7b, 0xff, 0x7d]) else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(error.code == .badUTF8)
    }

    @Test func errorsKeepTheRequestId() {
        guard case .failure(let error) = decode(#"{"id":9,"op":"search","q":1}"#) else { return }
        #expect(error.id == .int(9))
        #expect(error.message == "field 'q' must be a string, got number")
    }

    @Test(arguments: [
        NeedleProtocol.Operation.search(SearchRequest(query: "dark \"spots\"", limit: 4, offset: 2, kind: "concern")),
        .suggest(SuggestRequest(query: "skin nee", limit: 3)),
    ])
    func anEncodedRequestDecodesToItself(operation: NeedleProtocol.Operation) throws {
        let request = Request(id: .int(3), operation: operation)
        #expect(try RequestDecoder.decode(Array(request.encodedLine().dropLast())).get() == request)
    }

    @Test func decodesTheMetricsOp() throws {
        #expect(try decode(#"{"id":1,"op":"metrics"}"#).get().operation == .metrics)
    }

    @Test func anUnknownOpListsSuggestAmongTheKnownOnes() {
        guard case .failure(let error) = decode(#"{"op":"fly"}"#) else {
            Issue.record("accepted op 'fly'")
            return
        }
        #expect(error.message.contains("suggest"))
    }
}
