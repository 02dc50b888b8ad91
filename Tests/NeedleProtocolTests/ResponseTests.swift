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

    @Test func metricsResponseCarriesThePrometheusText() throws {
        let json = try object(.metrics(id: .int(9), prometheus: "needle_requests_total{op=\"ping\"} 1\n"))
        #expect(json["id"] as? Int == 9)
        #expect(json["ok"] as? Bool == true)
        #expect(json["prometheus"] as? String == "needle_requests_total{op=\"ping\"} 1\n")
    }

    @Test func statsFromADaemonWithoutTheNewerFieldsStillDecode() throws {
        let line = #"{"connections":1,"id":5,"index":{"articles":5,"built_at":"2026-11-25T23:17:11Z","corpus_digest":"96ad","passages":9,"path":"i.sqlite","schema_version":1,"synonyms":3},"ok":true,"requests":4,"uptime_s":1.5}"#
        let stats = try JSONDecoder().decode(StatsResult.self, from: Data(line.utf8))
        #expect(stats.requests == 4)
        #expect(stats.ops == nil)
        #expect(stats.reloads == nil)
    }

    @Test func statsEncodeThePerOpFigures() throws {
        let index = IndexInfo(
            path: "i.sqlite",
            meta: IndexMeta(schemaVersion: 1, corpusDigest: "d", builtAt: "t", articles: 1, passages: 1, synonyms: 0))
        let ops = ["search": OperationStats(requests: 3, errors: 1, p50Microseconds: 10, p90Microseconds: 20, p99Microseconds: 30)]
        let json = try object(.stats(id: nil, StatsResult(
            uptimeSeconds: 1, requests: 3, connections: 1, index: index, errors: 1, connectionsTotal: 2,
            connectionsRefused: 0, reloads: 4, reloadFailures: 1, ops: ops)))
        let search = try #require((json["ops"] as? [String: Any])?["search"] as? [String: Any])
        #expect(search["p99_us"] as? Int == 30)
        #expect(json["reload_failures"] as? Int == 1)
        #expect(json["connections_total"] as? Int == 2)
    }
}
