import NeedleProtocol
import NeedleSearch
import NeedleTesting
import Testing

/// Name evidence: an article the query names outranks articles that only share its words.
@Suite struct ArticleRankingTests {
    static let fixture: CorpusFixture = {
        let filler = String(repeating: "Plaques, itching and scaling come and go over many years for most people. ", count: 4)
        // Unrelated articles, so that "psoriasis" is a rare word as in a real corpus.
        let others = ["Sunscreen", "Retinol", "Chemical peel", "Microneedling", "Azelaic acid", "Acne", "Melasma", "Rosacea"]
        var articles = Dictionary(uniqueKeysWithValues: others.map { title in
            (title.lowercased().replacingOccurrences(of: " ", with: "-"),
             CorpusFixture.article(title: title, body: "\(title) is about other skin. It helps some people and not others."))
        })
        articles.merge([
            "psoriasis": CorpusFixture.article(
                title: "Psoriasis", kind: "concern", concerns: ["scaly skin"],
                body: "Psoriasis is a long-lasting immune condition. \(filler)\n## Treatment\nCreams, light therapy and tablets help psoriasis."),
            "pustular-psoriasis": CorpusFixture.article(
                title: "Pustular psoriasis", kind: "concern", aliases: ["Psoriasis with pustules"],
                body: "Pustular psoriasis makes pus-filled bumps. Psoriasis of this type needs a doctor."),
            "nail-psoriasis": CorpusFixture.article(
                title: "Nail changes", kind: "concern", aliases: ["Psoriasis"], concerns: ["scaly skin"],
                body: "Psoriasis can pit the nails. Psoriasis psoriasis."),
            "moisturiser": CorpusFixture.article(
                title: "Moisturiser", kind: "ingredient", concerns: ["scaly skin", "dry skin"],
                body: "A moisturiser softens scaly skin and psoriasis plaques."),
        ]) { $1 }
        let fixture = try! CorpusFixture(articles: articles)
        try! fixture.buildIndex()
        return fixture
    }()
    static let index = try! SearchIndex.open(path: fixture.indexPath, readers: 2)

    private func slugs(_ query: String) async throws -> [String] {
        try Self.index.search(SearchRequest(query: query)).hits.map(\.slug)
    }

    @Test func anExactTitleOutranksLongerTitlesAndShortArticles() async throws {
        #expect(try await slugs("psoriasis").first == "psoriasis")
        #expect(try await slugs("What are the treatments for psoriasis?").first == "psoriasis")
    }

    @Test func aTitleOutranksTheSameNameAsAnotherArticlesAlias() async throws {
        let slugs = try await slugs("psoriasis")
        let title = try #require(slugs.firstIndex(of: "psoriasis"))
        let alias = try #require(slugs.firstIndex(of: "nail-psoriasis"))
        #expect(title < alias)
    }

    @Test func theWholeNameWinsOverAPartOfIt() async throws {
        #expect(try await slugs("pustular psoriasis").first == "pustular-psoriasis")
    }

    @Test func pagesNeverRepeatOrSkipAnArticle() async throws {
        var paged: [String] = []
        for offset in 0..<4 {
            paged += try Self.index.search(SearchRequest(query: "psoriasis", limit: 1, offset: offset)).hits.map(\.slug)
        }
        #expect(paged == Array(try await slugs("psoriasis").prefix(4)))
    }

    @Test func theConcernFilterKeepsArticlesListingIt() async throws {
        let result = try Self.index.search(SearchRequest(query: "psoriasis", concern: "Scaly Skin"))
        #expect(Set(result.hits.map(\.slug)) == ["psoriasis", "nail-psoriasis", "moisturiser"])
        #expect(result.total == 3)
    }

    @Test func kindAndConcernFiltersCombine() async throws {
        let result = try Self.index.search(SearchRequest(query: "psoriasis", kind: "ingredient", concern: "scaly skin"))
        #expect(result.hits.map(\.slug) == ["moisturiser"])
    }

    @Test func facetsCountTheWholeResultSet() async throws {
        let result = try Self.index.search(SearchRequest(query: "psoriasis", limit: 1, facets: true))
        let facets = try #require(result.facets)
        #expect(facets.kind == [.init(value: "concern", count: 3), .init(value: "ingredient", count: 1)])
        #expect(facets.concern.first == .init(value: "scaly skin", count: 3))
        #expect(facets.concern.contains(.init(value: "dry skin", count: 1)))
        #expect(try Self.index.search(SearchRequest(query: "psoriasis")).facets == nil)
    }

    @Test func explainShowsTheExpressionAndScoreParts() async throws {
        let result = try Self.index.search(SearchRequest(query: "psoriasis", explain: true))
        let explanation = try #require(result.explain)
        #expect(explanation.match.contains(#""psoriasis""#))
        let first = try #require(result.hits.first?.explain)
        #expect(first.matchedName == "Psoriasis")
        #expect(first.nameMatch == 1)
        #expect(first.synonymWeight == 1)
        #expect(first.fields["title"] ?? 0 > 0)
        #expect(result.hits.allSatisfy { $0.explain != nil })
        let moisturiser = try #require(result.hits.first { $0.slug == "moisturiser" }?.explain)
        #expect(moisturiser.nameMatch == 0 && moisturiser.matchedName == nil)
        #expect(try Self.index.search(SearchRequest(query: "psoriasis")).hits.allSatisfy { $0.explain == nil })
    }
}

/// The user's own words are stronger evidence than the synonyms they expand to.
@Suite struct OwnWordsRankingTests {
    static let fixture: CorpusFixture = {
        var articles = Dictionary(uniqueKeysWithValues: ["Retinol", "Sunscreen", "Acne", "Rosacea", "Eczema", "Peels"].map { title in
            (title.lowercased(), CorpusFixture.article(title: title, body: "\(title) is about other things entirely."))
        })
        articles["fading-cream"] = CorpusFixture.article(title: "Fading cream", body: "It lightens dark spots gently over weeks.")
        articles["brightening-serum"] = CorpusFixture.article(title: "Brightening serum", body: "It lightens hyperpigmentation gently over weeks.")
        let fixture = try! CorpusFixture(articles: articles, synonyms: "dark spots, hyperpigmentation\n")
        try! fixture.buildIndex()
        return fixture
    }()
    static let index = try! SearchIndex.open(path: fixture.indexPath, readers: 1)

    @Test(arguments: [("dark spots", "fading-cream"), ("hyperpigmentation", "brightening-serum")])
    func theArticleUsingTheUsersWordsComesFirst(query: String, first: String) async throws {
        let hits = try Self.index.search(SearchRequest(query: query)).hits
        #expect(hits.map(\.slug).first == first)
        #expect(hits.count == 2, "the synonym still finds the other article")
    }
}

