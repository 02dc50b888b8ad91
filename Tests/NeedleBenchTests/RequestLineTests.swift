import NeedleBench
import Testing

@Suite struct RequestLineTests {
    @Test func aLineCarriesTheOperationQueryLimitAndId() {
        let line = RequestLine(operation: .suggest, query: "micron")
        #expect(String(decoding: line.bytes(id: 7), as: UTF8.self) == #"{"op":"suggest","q":"micron","limit":8,"id":7}"# + "\n")
    }

    @Test(arguments: [
        (#"say "hi""#, #"say \"hi\""#),
        (#"back\slash"#, #"back\\slash"#),
        ("tab\there", #"tab\there"#),
        ("bell\u{7}", #"bell\u0007"#),
        ("crème", "crème"),
    ])
    func hostileQueriesStayInsideTheString(query: String, escaped: String) {
        #expect(RequestLine.escaped(query) == escaped)
    }

    @Test func eachOperationHasItsQueryFileAndLimit() {
        #expect(BenchOperation.allCases.map(\.queryFile) == ["terms.txt", "prefixes.txt", "questions.txt"])
        #expect(BenchOperation.allCases.map(\.limit) == [10, 8, 3])
    }
}
