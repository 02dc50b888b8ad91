import Foundation
import GRDB
import NeedleIndex
@testable import NeedleSearch
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
