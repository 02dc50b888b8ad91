import Foundation
import NeedleProtocol
import Testing

@Suite struct ResponseTests {
    private func object(_ response: Response) throws -> [String: Any] {
        let line = response.encodedLine()
        #expect(line.last == 0x0a)
        #expect(line.dropLast().contains(0x0a) == false, "one line only")
        return try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    @Test func searchResponseCarriesIdOkAndResultFields() throws {
        let hit = SearchHit(slug: "microneedling", title: "Microneedling", kind: "treatment", score: 7.2, section: nil, snippet: "[PCI]")
        let json = try object(.search(id: .int(1), SearchResult(tookMicroseconds: 5, total: 1, hits: [hit], expanded: ["pci"])))
        #expect(json["id"] as? Int == 1)
        #expect(json["ok"] as? Bool == true)
        #expect(json["total"] as? Int == 1)
        #expect(json["took_us"] as? Int == 5)
        #expect(json["expanded"] as? [String] == ["pci"])
        #expect(json.keys.contains("did_you_mean"), "did_you_mean is present, as null")
        let first = try #require((json["hits"] as? [[String: Any]])?.first)
        #expect(first.keys.contains("section"))
        #expect(first["slug"] as? String == "microneedling")
    }

    @Test func suggestResponseCarriesTookAndSuggestions() throws {
        let suggestion = Suggestion(text: "Microneedling", slug: "microneedling", kind: "treatment", matched: "PCI")
        let json = try object(.suggest(id: .int(2), SuggestResult(tookMicroseconds: 7, suggestions: [suggestion])))
        #expect(json["id"] as? Int == 2)
        #expect(json["ok"] as? Bool == true)
        #expect(json["took_us"] as? Int == 7)
        let first = try #require((json["suggestions"] as? [[String: Any]])?.first)
        #expect(first as? [String: String] == ["text": "Microneedling", "slug": "microneedling", "kind": "treatment", "matched": "PCI"])
    }

    @Test func errorResponseHasCodeAndMessage() throws {
        let json = try object(.error(ProtocolError(id: .string("x"), .unknownOp, "unknown op 'fly'")))
        #expect(json["id"] as? String == "x")
        #expect(json["ok"] as? Bool == false)
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["code"] as? String == "unknown_op")
        #expect(error["message"] as? String == "unknown op 'fly'")
    }

    @Test func errorWithoutIdAnswersWithNullId() throws {
        let json = try object(.error(ProtocolError(.badJSON, "bad")))
        #expect(json["id"] is NSNull)
    }
}
