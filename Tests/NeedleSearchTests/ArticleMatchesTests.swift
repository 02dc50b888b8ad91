import GRDB
import NeedleProtocol
@testable import NeedleSearch
import NeedleTesting
import Testing

/// bm25 computed from the stored postings equals FTS5's own `bm25()`, score for score, on
/// the bundled corpus and random queries; so does the top of the order.
@Suite(.serialized) struct ArticleMatchesTests {
    static let index = BundledIndex.make()

    /// Random queries of 1 to 4 words: title words, common words, names with synonyms, a
    /// quoted phrase, words FTS5 does not hold and words with accents.
    static func queries(count: Int, seed: UInt64) throws -> [String] {
        let titleWords = try index.pool.read { db in
            try String.fetchAll(db, sql: "SELECT title FROM articles").flatMap { $0.lowercased().split(separator: " ").map(String.init) }
        }
        let extra = ["skin", "the", "and", "red", "how", "long", "after", "scars", "pci", "retin-a", "café", "zzzqx", "spf", "\"chemical peel\"", "acne scars"]
        let words = titleWords + extra
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
    }

    @Test func scoresAndTotalsEqualFTS5() throws {
        let weights = Self.index.weights
        for text in try Self.queries(count: 300, seed: 5) {
            let query = Self.index.expand(text)
            guard !query.isEmpty else { continue }
            try Self.index.pool.read { db in
                let matches = try ArticleMatches.find(query, terms: Self.index.terms, weights: weights.columnWeights, in: db)
                let expected = try Row.fetchAll(
                    db, sql: "SELECT rowid, \(weights.articleRank) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [query.matchExpression])
                #expect(matches.count == expected.count, "\(text)")
                for row in expected {
                    #expect(matches.score(of: row[0]) == -(row[1] as Double), "\(text): article \(row[0] as Int64)")
                }
                let order = try Int64.fetchAll(db, sql: """
                    SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY \(weights.articleRank), rowid LIMIT 12
                    """, arguments: [query.matchExpression])
                #expect(matches.best(12).map(\.id) == order, "\(text)")
            }
        }
    }

    @Test func passageScoresEqualFTS5() throws {
        for text in try Self.queries(count: 150, seed: 9) {
            let query = Self.index.expand(text)
            guard !query.isEmpty else { continue }
            try Self.index.pool.read { db in
                let ranges = try Row.fetchAll(db, sql: "SELECT first_passage, last_passage FROM articles ORDER BY random() LIMIT 5")
                    .map { ($0[0] as Int64)...($0[1] as Int64) }
                let candidates = Set(ranges.flatMap { Array($0) })
                let scores = try PassageMatches(db: db, terms: Self.index.terms).scores(query, within: ranges, candidates: candidates)
                var expected: [Int64: Double] = [:]
                for range in ranges {
                    for row in try Row.fetchAll(db, sql: """
                        SELECT rowid, bm25(passages_fts, 2.0, 1.0) FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?
                        """, arguments: [query.matchExpression, range.lowerBound, range.upperBound]) {
                        expected[row[0]] = -(row[1] as Double)
                    }
                }
                #expect(scores == expected, "\(text)")
            }
        }
    }

    @Test func aPassedDeadlineStopsTheScoring() throws {
        let query = Self.index.expand("skin and the red face after a peel")
        #expect(throws: QueryTimeout.self) {
            try Self.index.pool.read { db in
                try QueryDeadline.run(db, within: .zero) {
                    try ArticleMatches.find(query, terms: Self.index.terms, weights: Self.index.weights.columnWeights, in: db)
                }
            }
        }
        #expect(throws: QueryTimeout.self) {
            try Self.index.pool.read { db in try QueryDeadline.run(db, within: .zero) { try QueryDeadline.check() } }
        }
        // Without a deadline the same work completes.
        let matches = try Self.index.pool.read { db in
            try ArticleMatches.find(query, terms: Self.index.terms, weights: Self.index.weights.columnWeights, in: db)
        }
        #expect(matches.count > 0)
    }

    /// Time spent before the read (reading the query, waiting for a connection) counts: a
    /// read whose deadline passed before it began does not begin.
    @Test func theDeadlineCountsFromWhenTheWorkStarted() throws {
        let started = QueryDeadline.now() - 2_000_000_000
        var ran = false
        #expect(throws: QueryTimeout.self) {
            try Self.index.pool.read { db in try QueryDeadline.run(db, within: .seconds(1), since: started) { ran = true } }
        }
        #expect(!ran)
        try Self.index.pool.read { db in try QueryDeadline.run(db, within: .seconds(60), since: started) { ran = true } }
        #expect(ran)
    }

    /// Every name of several words is read from `postings`, with FTS5's own hits, so a query
    /// naming it scores as `bm25()` does without FTS5 matching the phrase; a quoted phrase
    /// no name holds is not stored.
    @Test func namesOfSeveralWordsAreStoredAndScoreAsFTS5() throws {
        let weights = Self.index.weights
        let names = try Self.index.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT name FROM names WHERE name LIKE '% %'") }
        #expect(names.count > 20)
        for name in names {
            let phrase = name.lowercased().split(separator: " ").map(String.init)
            try Self.index.pool.read { db in
                let stored = try #require(try Self.index.terms.postings(ofPhrase: phrase, in: db), "\(name)")
                let count = try Int64.fetchOne(
                    db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [ExpandedQuery.quoted(phrase)]) ?? -1
                #expect(stored.articles == count, "\(name)")
                let query = ExpandedQuery(groups: [ExpandedQuery.Group(original: phrase, alternatives: [phrase])])
                let matches = try ArticleMatches.find(query, terms: Self.index.terms, weights: weights.columnWeights, in: db)
                for row in try Row.fetchAll(
                    db, sql: "SELECT rowid, \(weights.articleRank) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [query.matchExpression]) {
                    #expect(matches.score(of: row[0]) == -(row[1] as Double), "\(name): article \(row[0] as Int64)")
                }
                #expect(matches.count == Int(count), "\(name)")
            }
        }
        let unstored = try Self.index.pool.read { db in try Self.index.terms.postings(ofPhrase: ["needles", "prompt", "repair"], in: db) }
        #expect(unstored == nil)
    }

    /// A phrase the index stores no postings for is matched by FTS5 once, then kept: the
    /// next query reads its scores from ``PhraseScores``, and they are FTS5's still.
    @Test func phrasesFTS5MatchesAreKeptAndScoreAsFTS5() throws {
        let weights = Self.index.weights
        let terms = IndexTerms(articles: Self.index.terms.articles, passages: Self.index.terms.passages, lastArticle: Self.index.terms.lastArticle)
        let phrase = ["the", "skin"]
        let query = ExpandedQuery(groups: [ExpandedQuery.Group(original: phrase, alternatives: [phrase])])
        try Self.index.pool.read { db in
            #expect(try terms.postings(ofPhrase: phrase, in: db) == nil)
            #expect(terms.scores.scored(phrase, weights: weights.columnWeights) == nil)
            let expected = try Row.fetchAll(
                db, sql: "SELECT rowid, \(weights.articleRank) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [query.matchExpression])
            #expect(expected.count > 1)
            for round in 0..<2 {
                let matches = try ArticleMatches.find(query, terms: terms, weights: weights.columnWeights, in: db)
                #expect(matches.count == expected.count, "round \(round)")
                for row in expected {
                    #expect(matches.score(of: row[0]) == -(row[1] as Double), "round \(round): article \(row[0] as Int64)")
                }
                let kept = try #require(terms.scores.scored(phrase, weights: weights.columnWeights))
                #expect(kept.ids.map(Int64.init) == expected.map { $0[0] as Int64 })
            }
        }
    }

    @Test func searchTotalsAreExact() throws {
        for text in ["skin", "acne scars", "the red skin", "\"chemical peel\" retinol"] {
            let result = try Self.index.search(SearchRequest(query: text, limit: 1))
            let count = try Self.index.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [Self.index.expand(text).matchExpression])
            }
            #expect(result.total == count, "\(text)")
        }
    }
}
