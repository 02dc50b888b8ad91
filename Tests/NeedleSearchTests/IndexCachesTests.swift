import Foundation
import GRDB
import NeedleIndex
@testable import NeedleSearch
import NeedleTesting
import Testing

/// What an open index keeps in memory equals what its tables hold, and stays within its bounds.
@Suite(.serialized) struct IndexCachesTests {
    static let index = BundledIndex.make()

    @Test func keptArticlesEqualTheirRows() throws {
        try Self.index.pool.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
            let store = ArticleStore()
            let articles = try store.articles(ids + [999_999], in: db)
            #expect(articles.count == ids.count)
            for row in try Row.fetchAll(db, sql: "SELECT id, slug, title, kind, summary, first_passage, last_passage FROM articles") {
                let article = try #require(articles[row[0]])
                #expect(article.slug == row[1] && article.title == row[2] && article.kind == row[3] && article.summary == row[4])
                #expect(article.passageIDs == (row[5] as Int64)...(row[6] as Int64))
            }
            var passages = 0
            for row in try Row.fetchAll(db, sql: """
                SELECT p.article_id, p.id, p.heading, p.text, t.terms FROM passages p LEFT JOIN passage_terms t ON t.id = p.id
                """) {
                let article = try #require(articles[row[0]])
                let position = try #require(article.position(of: row[1]))
                let passage = article.passages[position]
                #expect(passage.heading == row[2] && passage.text == row[3])
                var ids: [UInt32] = []
                let heading = (row[4] as Data?).flatMap { PassageTerms.decode([UInt8]($0), into: &ids) }
                #expect(passage.headingTokens == heading)
                #expect(Array(article.terms(at: position)) == (heading == nil ? [] : ids))
                passages += 1
            }
            #expect(passages > 1000)
            // A second look is answered from memory: the same objects.
            let again = try store.articles(ids, in: db)
            #expect(ids.allSatisfy { again[$0] === articles[$0] })
        }
    }

    @Test func theStoreStaysWithinItsCapacity() throws {
        try Self.index.pool.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
            let sizes = try ArticleStore().articles(ids, in: db).values.map(\.bytes)
            let store = ArticleStore(capacity: 3 * (sizes.max() ?? 0))
            for id in ids {
                let article = try store.articles([id], in: db)
                #expect(article[id]?.id == id)
                #expect(store.usage.bytes <= store.capacity)
            }
            #expect(store.usage.articles < ids.count)
        }
    }

    /// A full store drops the articles it kept longest: the latest ones are still kept.
    @Test func theStoreDropsTheOldestArticlesFirst() throws {
        try Self.index.pool.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
            let sizes = try ArticleStore().articles(ids, in: db).values.map(\.bytes)
            let store = ArticleStore(capacity: 3 * (sizes.max() ?? 0))
            var previous: (id: Int64, article: StoredArticle)?
            for id in ids {
                let article = try #require(try store.articles([id], in: db)[id])
                if let previous {
                    #expect(try store.articles([previous.id], in: db)[previous.id] === previous.article, "article \(previous.id)")
                }
                #expect(try store.articles([id], in: db)[id] === article)
                previous = (id, article)
            }
            #expect(store.usage.articles >= 2)
        }
    }

    /// Scores kept for a phrase are those decoded from its postings: a query scores the same
    /// when its phrases are kept, and equal to FTS5's `bm25()` under other weights, which are
    /// not kept.
    @Test func keptPhraseScoresEqualDecodedOnes() throws {
        let weights = Self.index.weights.columnWeights
        let queries = ["skin", "acne scars", "the red skin after a peel", "retinol and vitamin c", "zzzqx skin", "\"chemical peel\" pci"]
        try Self.index.pool.read { db in
            let terms = try IndexTerms.load(db)
            let first = try queries.map { try ArticleMatches.find(Self.index.expand($0), terms: terms, weights: weights, in: db) }
            let kept = terms.scores.usage
            #expect(kept.phrases > 5)
            let again = try queries.map { try ArticleMatches.find(Self.index.expand($0), terms: terms, weights: weights, in: db) }
            #expect(terms.scores.usage == kept)
            for (index, query) in queries.enumerated() {
                #expect(again[index].count == first[index].count, "\(query)")
                #expect(again[index].best(1_000).elementsEqual(first[index].best(1_000)) { $0.id == $1.id && $0.bm25 == $1.bm25 }, "\(query)")
            }
            let flat = [Double](repeating: 1, count: weights.count)
            for query in queries {
                let expanded = Self.index.expand(query)
                let matches = try ArticleMatches.find(expanded, terms: terms, weights: flat, in: db)
                for row in try Row.fetchAll(
                    db, sql: "SELECT rowid, bm25(articles_fts, 1, 1, 1, 1, 1) FROM articles_fts WHERE articles_fts MATCH ?",
                    arguments: [expanded.matchExpression]) {
                    #expect(matches.score(of: row[0]) == -(row[1] as Double), "\(query): article \(row[0] as Int64)")
                }
            }
            #expect(terms.scores.usage == kept)
        }
    }

    /// A phrase's words count towards the bound: long quoted phrases that no article holds push
    /// the oldest out instead of growing the cache past it.
    @Test func phraseScoresCountTheirWords() {
        let scores = PhraseScores(capacity: 40_000)
        let weights = [1.0]
        let none = PhraseScores.Scored(articles: 0, ids: [], scores: [])
        for number in 0..<100 {
            scores.keep([String(repeating: "x", count: 2_000), "\(number)"], none, weights: weights)
            #expect(scores.usage.bytes <= scores.rareCapacity)
        }
        #expect(scores.usage.phrases <= scores.rareCapacity / 2_000, "each kept phrase holds 2,000 bytes of words")
    }

    /// Common and rare phrases are kept within their own bounds, the oldest dropped first; a
    /// phrase too large is not kept.
    @Test func phraseScoresStayWithinTheirBounds() {
        let scores = PhraseScores(capacity: 60_000)
        let weights = [1.0, 2.0]
        func scored(_ articles: Int) -> PhraseScores.Scored {
            PhraseScores.Scored(
                articles: Int64(articles), ids: (0..<articles).map(UInt32.init), scores: (0..<articles).map(Double.init))
        }
        for number in 0..<200 {
            scores.keep(["common\(number)"], scored(100), weights: weights)
            scores.keep(["rare\(number)"], scored(number % 2), weights: weights)
            #expect(scores.usage.bytes <= scores.capacity + scores.rareCapacity)
        }
        #expect(scores.scored(["common199"], weights: weights)?.scores.last == 99)
        #expect(scores.scored(["common0"], weights: weights) == nil)
        #expect(scores.scored(["rare199"], weights: weights)?.articles == 1)
        #expect(scores.scored(["rare0"], weights: weights) == nil)
        #expect(scores.scored(["common199"], weights: [1.0, 1.0]) == nil)
        scores.keep(["other"], scored(100), weights: [1.0, 1.0])
        #expect(scores.scored(["other"], weights: [1.0, 1.0]) == nil)
        #expect(!scores.fits(articles: 2_000))
        scores.keep(["large"], scored(2_000), weights: weights)
        #expect(scores.scored(["large"], weights: weights) == nil)
    }

    @Test func headingWordsMatchAsTheHeadingDoes() throws {
        let analyses = ["How long is skin red after microneedling?", "What are the risks of a chemical peel?", "Does botox hurt?",
                        "What is retinol?", "How often can I get a chemical peel?"].map(QuestionAnalysis.init)
        try Self.index.pool.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
            let cache = BoundedCache<String, QuestionAnalysis.HeadingWords>(capacity: 8)
            for article in try ArticleStore().articles(ids, in: db).values {
                for passage in article.passages {
                    for analysis in analyses {
                        #expect(analysis.headingMatch(words: passage.heading.map { cache.value(for: $0, orMake: QuestionAnalysis.HeadingWords.init) }) == analysis.headingMatch(passage.heading))
                    }
                }
            }
        }
    }

    @Test func keptIndexedWordsEqualTheVocabularys() throws {
        try Self.index.pool.read { db in
            let stems = try String.fetchAll(db, sql: "SELECT term FROM temp.\(IndexVocabulary.rowTable) ORDER BY random() LIMIT 200")
            #expect(stems.count == 200)
            let cache = BoundedCache<String, [String]>(capacity: 1_000)
            let words = { (stem: String) in try cache.value(for: stem) { try IndexVocabulary.indexedWords(forStem: $0, in: db) } }
            for _ in 0..<2 {
                for stem in stems + ["zzzqqq"] {
                    #expect(try words(stem) == IndexVocabulary.indexedWords(forStem: stem, in: db))
                }
            }
            #expect(cache.count == stems.count + 1)
            #expect(try words("zzzqqq").isEmpty)
        }
    }

    @Test func termRowsEqualTheTermsTable() throws {
        try Self.index.pool.read { db in
            var expected: [String: TermRows.Entry] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT term, id, passages FROM terms ORDER BY random() LIMIT 300") {
                expected[row[0]] = TermRows.Entry(id: UInt32(row[1] as Int64), passages: row[2])
            }
            expected["zzqqxnotaterm"] = TermRows.Entry(id: 0, passages: 0)
            let rows = TermRows()
            #expect(try rows.rows(expected.keys, in: db) == expected)
            #expect(try rows.rows(expected.keys, in: db) == expected)
            let stems = Set(expected.keys)
            let ids = try Self.index.terms.passageTermIDs(stems, in: db)
            #expect(try rows.rows(stems, in: db).compactMapValues { $0.id > 0 ? $0.id : nil } == ids)
        }
    }

    @Test func aLongWordIsLookedUpButNotKept() throws {
        try Self.index.pool.read { db in
            let rows = TermRows()
            let long = String(repeating: "x", count: TermRows.longestKept + 1)
            let found = try rows.rows([long, "acn"], in: db)
            #expect(found[long] == TermRows.Entry(id: 0, passages: 0))
            #expect(rows.count == 1)
        }
    }

    @Test func termRowsEscapeAnyWord() {
        #expect(TermRows.jsonArray(["a\"b", "c\\d", "e\u{1}", "é"]) == #"["a\"b","c\\d","e\u0001","é"]"#)
    }
}
