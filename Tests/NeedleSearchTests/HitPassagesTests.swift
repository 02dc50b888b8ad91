import GRDB
import NeedleIndex
@testable import NeedleSearch
import Testing

/// Choosing and marking passages from the stored term ids gives what tokenizing and
/// stemming the passages' text gives, on every article of the bundled corpus.
@Suite(.serialized) struct HitPassagesTests {
    static let index = BundledIndex.make()

    @Test func storedTermsHighlightLikeTheText() throws {
        let queries = try ArticleMatchesTests.queries(count: 60, seed: 17) + ["microneedling aftercare", "PCI", "retin-a", "café", "red skin"]
        try Self.index.pool.read { db in
            let articles = try Row.fetchAll(db, sql: "SELECT id, first_passage, last_passage FROM articles ORDER BY id")
            let ranges = articles.map { ($0[1] as Int64)...($0[2] as Int64) }
            let kept = try Self.index.caches.articles.articles(articles.map { $0[0] }, in: db)
            let stored = try articles.map { try #require(kept[$0[0]]) }
            var texts: [Int64: PassageHighlighter.Candidate] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, heading, text FROM passages") {
                texts[row[0]] = PassageHighlighter.Candidate(heading: row[1], text: row[2])
            }
            var highlighted = 0
            for text in queries {
                let query = Self.index.expand(text)
                guard !query.isEmpty else { continue }
                let highlighter = try PassageHighlighter(query: query, snippetTokens: ArticleSearch.snippetTokens) {
                    try Self.index.terms.passageTermIDs($0, in: db)
                }
                let stored = HitPassages.read(stored, highlighter: highlighter, tokenized: Self.index.caches.passageTokens)
                for (index, range) in ranges.enumerated() {
                    let expected = highlighter.bestPassage(among: range.map { texts[$0]! })
                    #expect(stored.highlights[index] == expected, "\(text): passages \(range)")
                    #expect(stored.introductions[index] == (expected == nil ? texts[range.lowerBound]!.text : nil))
                    if expected != nil { highlighted += 1 }
                }
            }
            #expect(highlighted > 500)
        }
    }

    @Test func aPassageWithoutStoredTermsIsNotChosen() throws {
        let query = Self.index.expand("microneedling")
        try Self.index.pool.read { db in
            let highlighter = try PassageHighlighter(query: query) { try Self.index.terms.passageTermIDs($0, in: db) }
            let ids = highlighter.termIDs
            #expect(!ids.isEmpty)
            func article(headingTokens: Int?, terms: [UInt32]) -> StoredArticle {
                StoredArticle(
                    id: 1, slug: "a", title: "A", kind: "treatment", summary: nil, passageIDs: 7...7,
                    passages: [.init(id: 7, heading: nil, text: "microneedling", headingTokens: headingTokens, terms: 0..<terms.count)],
                    terms: terms)
            }
            #expect(highlighter.bestPassage(of: article(headingTokens: 0, terms: ids))?.index == 0)
            #expect(highlighter.bestPassage(of: article(headingTokens: nil, terms: ids)) == nil)
            #expect(highlighter.bestPassage(of: article(headingTokens: 0, terms: [])) == nil)
            #expect(PassageHighlighter(query: query).bestPassage(of: article(headingTokens: 0, terms: ids)) == nil)
        }
    }
}
