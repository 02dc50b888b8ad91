import NeedleBench
import NeedleProtocol
import Testing

@Suite struct RequestLineTests {
    @Test func aLineCarriesTheOperationQueryLimitAndIdLast() {
        let line = RequestLine(operation: .suggest, query: "micron")
        #expect(String(decoding: line.bytes(id: 7), as: UTF8.self) == #"{"limit":8,"op":"suggest","q":"micron","id":7}"# + "\n")
    }

    @Test(arguments: BenchOperation.allCases, [#"say "hi""#, #"back\slash"#, "tab\there", "bell\u{7}", "crème"])
    func hostileQueriesDecodeToTheRequestSent(operation: BenchOperation, query: String) throws {
        let line = RequestLine(operation: operation, query: query).bytes(id: 3)
        let decoded = try RequestDecoder.decode(Array(line.dropLast())).get()
        #expect(decoded == Request(id: .int(3), operation: operation.request(query: query)))
    }

    @Test func eachOperationHasItsQueryFileAndLimit() {
        #expect(BenchOperation.allCases.map(\.queryFile) == ["terms.txt", "prefixes.txt", "questions.txt"])
        #expect(BenchOperation.allCases.map(\.limit) == [10, 8, 3])
    }
}
