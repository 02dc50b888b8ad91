import NeedleProtocol
import NeedleSearch
import NeedleTesting
import Testing

/// Searches against a small fixture index built once for the suite.
@Suite struct SearchIndexTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()
    static let index = try! SearchIndex.open(path: fixture.indexPath, readers: 2)

    private func search(_ query: String, limit: Int = 10, offset: Int = 0, kind: String? = nil) async throws -> SearchResult {
        try Self.index.search(SearchRequest(query: query, limit: limit, offset: offset, kind: kind))
    }

    @Test func anAliasFindsItsArticleFirst() async throws {
        #expect(try await search("PCI").hits.first?.slug == "microneedling")
    }

    @Test func aMultiWordAliasFindsItsArticleAsAPhrase() async throws {
        let result = try await search("skin needling")
        #expect(result.hits.first?.slug == "microneedling")
        #expect(result.expanded.contains("microneedling"))
    }

    @Test func aTitleMatchOutranksABodyMention() async throws {
        let slugs = try await search("microneedling").hits.map(\.slug)
        #expect(slugs.first == "microneedling")
        #expect(slugs.contains("sunscreen"), "the body mention is found too")
    }

    @Test func aSynonymFindsAnArticleThatNeverUsesTheWord() async throws {
        let result = try await search("age spots")
        #expect(result.hits.first?.slug == "hyperpigmentation")
        #expect(result.expanded == ["age spots", "dark spots", "hyperpigmentation"])
    }

    @Test func aOneWayRuleExpandsToItsTarget() async throws {
        #expect(try await search("sunblock").hits.first?.slug == "sunscreen")
        #expect(try await search("botox").hits.first?.slug == "botulinum-toxin")
    }

    @Test func filtersByKind() async throws {
        let result = try await search("dark spots", kind: "ingredient")
        #expect(result.hits.map(\.slug) == ["sunscreen"])
        #expect(result.total == 1)
    }

    @Test func rejectsAnUnknownKind() async {
        await #expect(throws: SearchError.unknownKind("cream")) { try await search("acne", kind: "cream") }
    }

    @Test func pagesWithLimitAndOffsetAndCountsTheTotal() async throws {
        let all = try await search("microneedling acne scars skin", limit: 10)
        #expect(all.total == all.hits.count)
        #expect(all.total >= 3)
        let page = try await search("microneedling acne scars skin", limit: 1, offset: 1)
        #expect(page.hits.map(\.slug) == [all.hits[1].slug])
        #expect(page.total == all.total)
        let past = try await search("microneedling acne scars skin", limit: 5, offset: 50)
        #expect(past.hits.isEmpty)
        #expect(past.total == all.total)
    }

    @Test func snippetsMarkMatchedTermsAndNameTheirSection() async throws {
        let hit = try #require(try await search("sunburn").hits.first)
        #expect(hit.slug == "microneedling")
        #expect(hit.section == "Aftercare")
        #expect(hit.snippet.contains("[sunburn]"))
    }

    @Test func aHitMatchedOnlyByItsConcernsShowsTheIntroduction() async throws {
        let hit = try #require(try await search("wrinkles").hits.first)
        #expect(hit.slug == "botulinum-toxin")
        #expect(hit.section == nil)
        #expect(hit.snippet == "Botulinum toxin relaxes the muscles that crease the skin.")
    }

    @Test func scoresDescend() async throws {
        let scores = try await search("acne scars").hits.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func aNameSharedByTwoArticlesFindsBoth() async throws {
        let fixture = try CorpusFixture(articles: [
            "glycolic-acid": CorpusFixture.article(title: "Glycolic acid", kind: "ingredient", aliases: ["AHA"], body: "An exfoliating acid."),
            "chemical-peel": CorpusFixture.article(title: "Chemical peel", aliases: ["AHA"], body: "Acids remove outer layers."),
            "sunscreen": CorpusFixture.article(title: "Sunscreen", kind: "ingredient", body: "Filters light."),
        ])
        defer { fixture.remove() }
        let index = try SearchIndex.open(path: try fixture.buildIndex(), readers: 1)
        let result = try index.search(SearchRequest(query: "aha"))
        #expect(Set(result.hits.map(\.slug)) == ["glycolic-acid", "chemical-peel"])
        #expect(result.expanded.contains("glycolic acid") && result.expanded.contains("chemical peel"))
    }

    @Test(arguments: [
        "", "   ", "\t\n", "\"", "\"\"", "'", "''", "-", "--", "-acne", "acne -scars", "?", "%", "+", "*", "^", ":", "(", ")",
        "()", "(acne", "acne)", "AND", "OR", "NOT", "NEAR", "and", "or", "not", "near", "acne AND", "OR acne", "NOT NOT",
        "NEAR(acne scars, 2)", "acne NEAR scars", "title:acne", "{title}: acne", "acne*", "^acne", "a\"b\"c\"", "don't",
        "dark-spots \"OR (", "'; DROP TABLE articles; --", "\" OR 1=1 --", "😀", "acne 😀 scars", "ﬁne lines", "\u{0}",
        "x\u{0}y", "🧴✨", String(repeating: "acne ", count: 2_000), String(repeating: "é", count: 10_000),
        String(repeating: "(\"", count: 3_000), "∑∂ƒ©", "ｐｃｉ", "AcNe ScArS", "\\", "\\\"", "$1", "%%%", "...",
    ])
    func hostileQueriesReturnNormally(query: String) async throws {
        let result = try await search(query)
        #expect(result.total >= result.hits.count)
    }
}

/// The request timeout, enforced by SQLite's progress handler on the reading thread.
@Suite struct QueryDeadlineTests {
    /// The handler looks at the clock every 1,000 SQLite steps, so the query must take more:
    /// common words over the bundled articles.
    @Test func aSearchPastItsDeadlineThrowsQueryTimeout() throws {
        let request = SearchRequest(query: "skin sun acid treatment dermatologist weeks", facets: true)
        #expect(throws: QueryTimeout.self) { try BundledIndex.index.search(request, within: .zero) }
        let question = AskRequest(question: "how long does skin stay red after a treatment with acid")
        #expect(throws: QueryTimeout.self) { try BundledIndex.index.ask(question, within: .zero) }
    }

    /// Queries at the size limits (a line just under 64 KiB), which the progress handler barely
    /// sees: reading them, and the work in Swift between the reads, is bounded by the deadline
    /// too, so one whose deadline has passed is interrupted whatever it holds.
    static let hugeQueries: [String: String] = [
        "one hyphenated word": repeated("skin", 13_000, separator: "-"),
        "one word repeated": repeated("skin", 13_000, separator: " "),
        "one quoted phrase": "\"" + repeated("dark spots", 6_000, separator: " ") + "\"",
        "typos and sentences": repeated("microneedlign retinoll a.b?c!", 2_000, separator: " "),
        "distinct unknown words": (0..<5_000).map { (number: Int) -> String in "w\(number)x" }.joined(separator: " "),
    ]

    private static func repeated(_ text: String, _ count: Int, separator: String) -> String {
        Array(repeating: text, count: count).joined(separator: separator)
    }

    @Test(arguments: hugeQueries.keys.sorted()) func aHugeQueryPastItsDeadlineThrowsQueryTimeout(shape: String) throws {
        let query = try #require(Self.hugeQueries[shape])
        #expect(throws: QueryTimeout.self) { try SearchIndexTests.index.search(SearchRequest(query: query), within: .zero) }
        #expect(throws: QueryTimeout.self) { try SearchIndexTests.index.ask(AskRequest(question: query), within: .zero) }
    }

    @Test func aDeadlineNotReachedChangesNothing() throws {
        let request = SearchRequest(query: "dark spots", facets: true)
        var bounded = try SearchIndexTests.index.search(request, within: .seconds(60))
        var unbounded = try SearchIndexTests.index.search(request)
        bounded.tookMicroseconds = 0
        unbounded.tookMicroseconds = 0
        #expect(bounded == unbounded)
    }

    @Test func aTimedOutReaderServesTheNextSearch() throws {
        let request = SearchRequest(query: "PCI")
        for _ in 0..<4 { _ = try? SearchIndexTests.index.search(SearchRequest(query: "skin acne"), within: .zero) }
        #expect(try SearchIndexTests.index.search(request).hits.first?.slug == "microneedling")
    }

    @Test func aMappedIndexAnswersAsAnUnmappedOne() throws {
        let mapped = try SearchIndex.open(path: SearchIndexTests.fixture.indexPath, readers: 1, mappedBytes: 1 << 20)
        #expect(mapped.mappedBytes == 1 << 20)
        var fromMapped = try mapped.search(SearchRequest(query: "PCI"))
        var fromUnmapped = try SearchIndexTests.index.search(SearchRequest(query: "PCI"))
        fromMapped.tookMicroseconds = 0
        fromUnmapped.tookMicroseconds = 0
        #expect(fromMapped == fromUnmapped)
    }
}
