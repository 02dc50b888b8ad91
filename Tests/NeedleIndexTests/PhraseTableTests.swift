import Foundation
import GRDB
import NeedleIndex
import NeedleTesting
import Testing

/// The `postings` table holds, for every name and synonym term of several FTS5 terms, what
/// FTS5 itself reports when it matches the phrase, after any build.
@Suite struct PhraseTableTests {
    /// Every name and synonym term against its row: the row's key is the text's FTS5 terms,
    /// and its decoded postings are the ids, lengths and hits per column FTS5's
    /// `needle_phrase_hits` gives for the quoted text. No other rows.
    static func expectPhrasesMatchFTS5(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            try PhraseTable.registerTerms(db)
            try PhraseHitCounts.register(db)
            var expected: [String: [Int64: [Int32]]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT needle_fts5_terms(text), text FROM (SELECT name AS text FROM names UNION SELECT term FROM synonym_terms)
                """) {
                let key: String = row[0]
                guard key.contains(" ") else { continue }
                var hits: [Int64: [Int32]] = [:]
                let quoted = "\"" + (row[1] as String).replacingOccurrences(of: "\"", with: "\"\"") + "\""
                for hit in try Row.fetchAll(
                    db, sql: "SELECT rowid, needle_phrase_hits(articles_fts) FROM articles_fts WHERE articles_fts MATCH ?", arguments: [quoted]) {
                    hits[hit[0]] = PhraseHitCounts.decode(hit[1])
                }
                #expect(expected[key] == nil || expected[key] == hits, "\(key): two texts with these terms match differently")
                expected[key] = hits
            }
            var found: [String: [Int64: [Int32]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT phrase, articles, postings FROM postings WHERE instr(phrase, ' ') > 0") {
                var postings: [Int64: [Int32]] = [:]
                let bytes: Data = row[2]
                let complete = try bytes.withUnsafeBytes { raw in
                    try PostingList.decode(raw.bindMemory(to: UInt8.self), columns: 5) { id, length, counts in
                        postings[id] = [Int32(length)] + counts
                        return true
                    }
                }
                #expect(complete)
                #expect(postings.count == row[1] as Int)
                found[row[0]] = postings
            }
            #expect(found == expected)
            #expect(found.count > 3)
            #expect(found.values.contains { !$0.isEmpty })
        }
    }

    @Test func aFullBuildStoresThePhrasesOfNamesAndSynonyms() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        try fixture.buildIndex()
        try Self.expectPhrasesMatchFTS5(fixture.indexPath)
        let keys = try DatabaseQueue(path: fixture.indexPath).read { try String.fetchAll($0, sql: "SELECT phrase FROM postings") }
        // A title and a synonym term, each as FTS5 stems them.
        #expect(keys.contains("percutan collagen induct"))
        #expect(keys.contains("dark spot"))
    }

    @Test(arguments: IncrementalBuildTests.Edit.allCases)
    func anIncrementalBuildRewritesThePhrases(edit: IncrementalBuildTests.Edit) throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        _ = try IncrementalBuildTests.build(fixture, to: fixture.indexPath, mode: .full)
        try edit.apply(to: fixture)
        _ = try IncrementalBuildTests.build(fixture, to: fixture.indexPath, mode: .incremental)
        try Self.expectPhrasesMatchFTS5(fixture.indexPath)
    }

    @Test func theTermsFunctionTokenizesAsFTS5() throws {
        let queue = try DatabaseQueue()
        try queue.read { db in
            try PhraseTable.registerTerms(db)
            let terms = try String.fetchAll(db, sql: """
                SELECT needle_fts5_terms(value) FROM json_each('["Acne Scars", "  rosácea—flushing ", "", "...", "Retin-A"]')
                """)
            #expect(terms == ["acn scar", "rosacea flush", "", "", "retin a"])
            #expect(try Row.fetchOne(db, sql: "SELECT needle_fts5_terms(NULL)")?[0] == nil as String?)
        }
    }
}
