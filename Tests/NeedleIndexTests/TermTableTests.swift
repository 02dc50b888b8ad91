import Foundation
import GRDB
import NeedleCorpus
import NeedleIndex
import NeedleProtocol
import NeedleTesting
import Testing

/// The `terms`, `postings` (of terms) and `term_totals` tables hold what FTS5 itself holds,
/// after any build.
@Suite struct TermTableTests {
    /// Each term's articles, columns and counts, as FTS5's `fts5vocab` instance table lists them,
    /// against the decoded postings; the totals against FTS5's row count and `docsize`.
    static func expectTermsMatchFTS5(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.check_instances USING fts5vocab(main, articles_fts, instance)")
            let columns = ["title", "aliases", "concerns", "headings", "body"]
            var expected: [String: [Int64: [Int]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT term, doc, col, count(*) FROM temp.check_instances GROUP BY term, doc, col") {
                let column = try #require(columns.firstIndex(of: row[2] as String))
                let (term, article, count): (String, Int64, Int) = (row[0], row[1], row[3])
                expected[term, default: [:]][article, default: [0, 0, 0, 0, 0]][column] = count
            }
            var lengths: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT doc, count(*) FROM temp.check_instances GROUP BY doc") {
                lengths[row[0] as Int64] = row[1] as Int
            }
            var found: [String: [Int64: [Int]]] = [:]
            #expect(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM terms t JOIN postings p ON p.phrase = t.term WHERE p.articles = t.articles
                """) == (try Int.fetchOne(db, sql: "SELECT count(*) FROM terms WHERE articles > 0")))
            for row in try Row.fetchAll(db, sql: "SELECT phrase, articles, postings FROM postings WHERE instr(phrase, ' ') = 0") {
                let bytes: Data = row[2]
                var postings: [Int64: [Int]] = [:]
                let complete = try bytes.withUnsafeBytes { raw in
                    try PostingList.decode(raw.bindMemory(to: UInt8.self), columns: 5) { id, length, counts in
                        #expect(length == lengths[id], "length of article \(id)")
                        postings[id] = counts.map(Int.init)
                        return true
                    }
                }
                #expect(complete)
                #expect(postings.count == row[1] as Int)
                found[row[0] as String] = postings
            }
            #expect(found == expected)
            let totals = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM term_totals").map { ($0[0] as String, $0[1] as Int) })
            #expect(totals["article_rows"] == (try Int.fetchOne(db, sql: "SELECT count(*) FROM articles")))
            #expect(totals["article_tokens"] == lengths.values.reduce(0, +))
            #expect(totals["passage_rows"] == (try Int.fetchOne(db, sql: "SELECT count(*) FROM passages")))
            #expect(totals["last_article"] == (try Int.fetchOne(db, sql: "SELECT max(id) FROM articles")))
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.check_passage_terms USING fts5vocab(main, passages_fts, row)")
            let passageCounts = try Row.fetchAll(db, sql: "SELECT term, doc FROM temp.check_passage_terms").map { "\($0[0] as String) \($0[1] as Int)" }
            let stored = try Row.fetchAll(db, sql: "SELECT term, passages FROM terms WHERE passages > 0").map { "\($0[0] as String) \($0[1] as Int)" }
            #expect(Set(passageCounts) == Set(stored))
        }
        try expectPassageTermsMatchFTS5(queue)
    }

    /// Every passage's stored term ids, read back as terms, against the tokens FTS5's
    /// `fts5vocab` instance table lists at each position of its heading and text; ids rank
    /// terms by the passages holding them.
    static func expectPassageTermsMatchFTS5(_ queue: DatabaseQueue) throws {
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.check_passage_instances USING fts5vocab(main, passages_fts, instance)")
            var expected: [Int64: [String: [Int: String]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT term, doc, col, offset FROM temp.check_passage_instances") {
                expected[row[1], default: [:]][row[2], default: [:]][row[3]] = row[0]
            }
            var terms: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, term FROM terms WHERE passages > 0") { terms[row[0]] = row[1] }
            #expect(Set(terms.keys) == Set(1...Int64(terms.count)))
            let ranked = try String.fetchAll(db, sql: "SELECT term FROM terms WHERE passages > 0 ORDER BY passages DESC, term")
            #expect(ranked == (1...Int64(terms.count)).map { terms[$0] ?? "" })
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM terms WHERE passages = 0 AND id != 0") == 0)
            let passages = try Int64.fetchAll(db, sql: "SELECT id FROM passages ORDER BY id")
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM passage_terms ORDER BY id") == passages)
            var ids: [UInt32] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, terms FROM passage_terms") {
                let heading = try #require(PassageTerms.decode(Array(row[1] as Data), into: &ids))
                let columns = expected[row[0]] ?? [:]
                let headingTerms = (0..<heading).map { terms[Int64(ids[$0])] ?? "?" }
                let textTerms = ids[heading...].map { terms[Int64($0)] ?? "?" }
                #expect(headingTerms == (0..<heading).map { columns["heading"]?[$0] ?? "-" }, "heading of passage \(row[0] as Int64)")
                #expect(textTerms == (0..<textTerms.count).map { columns["text"]?[$0] ?? "-" }, "text of passage \(row[0] as Int64)")
                #expect(textTerms.count == columns["text"]?.count ?? 0)
            }
        }
    }

    @Test func passageTermsRoundTripAndAMalformedBlobIsRejected() {
        let tokens: [UInt32] = [1, 127, 128, 16_383, 16_384, 4_000_000_000, 7]
        let bytes = PassageTerms.encode(heading: 2, tokens: tokens)
        var ids: [UInt32] = []
        #expect(PassageTerms.decode(bytes, into: &ids) == 2)
        #expect(ids == tokens)
        #expect(PassageTerms.decode(Array(bytes.dropLast()) + [0x80], into: &ids) == nil)
        #expect(PassageTerms.decode(PassageTerms.encode(heading: 9, tokens: tokens), into: &ids) == nil)
        #expect(PassageTerms.decode([], into: &ids) == nil)
        var appended: [UInt32] = [5]
        let heading = bytes.withUnsafeBufferPointer { PassageTerms.decode($0, appendingTo: &appended) }
        #expect(heading == 2)
        #expect(appended == [5] + tokens)
        let malformed = Array(bytes.dropLast()) + [0x80]
        #expect(malformed.withUnsafeBufferPointer { PassageTerms.decode($0, appendingTo: &appended) } == nil)
        #expect(appended == [5] + tokens)
    }

    @Test func aFullBuildStoresWhatFTS5Holds() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        try fixture.buildIndex()
        try Self.expectTermsMatchFTS5(fixture.indexPath)
    }

    @Test func anIncrementalBuildRewritesTheTerms() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        _ = try IncrementalBuildTests.build(fixture, to: fixture.indexPath, mode: .full)
        try IncrementalBuildTests.Edit.everything.apply(to: fixture)
        _ = try IncrementalBuildTests.build(fixture, to: fixture.indexPath, mode: .incremental)
        try Self.expectTermsMatchFTS5(fixture.indexPath)
    }

    @Test func postingsRoundTripAndATruncatedListIsRejected() throws {
        var generator = SeededGenerator(seed: 11)
        var list = PostingList()
        var expected: [(Int64, Int, [Int])] = []
        var id: Int64 = 0
        for _ in 0..<500 {
            id += Int64.random(in: 1...100_000, using: &generator)
            var counts = (0..<5).map { _ in Bool.random(using: &generator) ? Int.random(in: 1...300, using: &generator) : 0 }
            if counts.allSatisfy({ $0 == 0 }) { counts[4] = 1 }
            let length = Int.random(in: 1...70_000, using: &generator)
            list.append(article: id, length: length, counts: counts)
            expected.append((id, length, counts))
        }
        var decoded: [(Int64, Int, [Int])] = []
        let complete = try list.bytes.withUnsafeBufferPointer { buffer in
            try PostingList.decode(buffer, columns: 5) { id, length, counts in
                decoded.append((id, length, counts.map(Int.init)))
                return true
            }
        }
        #expect(complete)
        #expect(decoded.map(\.0) == expected.map(\.0))
        #expect(decoded.map(\.1) == expected.map(\.1))
        #expect(decoded.map(\.2) == expected.map(\.2))
        let truncated = Array(list.bytes.dropLast())
        let whole = try truncated.withUnsafeBufferPointer { try PostingList.decode($0, columns: 5) { _, _, _ in true } }
        #expect(!whole)
    }

    @Test func anIndexOfTheFormerVersionIsRefusedWithARebuildHint() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let queue = try DatabaseQueue(path: fixture.indexPath)
        try queue.write { try $0.execute(sql: "UPDATE meta SET value = '5' WHERE key = 'schema_version'") }
        let error = #expect(throws: IndexError.self) { try queue.read { try IndexMeta.read($0, path: fixture.indexPath) } }
        #expect(error?.description.contains("index schema version 5, this Needle reads version \(IndexSchema.version); rebuild it") == true)
        #expect(IndexSchema.version == 6)
    }
}
