import Foundation
import GRDB
import NeedleIndex
import NeedleProtocol
import NeedleTesting
import Testing

@Suite struct IndexBuilderTests {
    @Test func writesTablesCountsAndMeta() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        let corpus = try fixture.load()
        let summary = try IndexBuilder.build(corpus, to: fixture.indexPath)
        #expect(summary.meta.articles == 5)
        #expect(summary.meta.synonyms == 3)
        #expect(summary.description.hasPrefix("indexed 5 articles, \(summary.meta.passages) passages, 3 synonym rules in "))
        let queue = try DatabaseQueue(path: fixture.indexPath)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM articles_fts") == 5)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM passages") == summary.meta.passages)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM passages_fts") == summary.meta.passages)
            let meta = try IndexMeta.read(db, path: fixture.indexPath)
            #expect(meta == summary.meta)
            #expect(meta.corpusDigest.count == 16)
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'") ?? ""
            #expect(sql.contains("porter unicode61 remove_diacritics 2"))
            #expect(sql.contains("detail = full"))
        }
    }

    @Test func passagesOfAnArticleAreContiguous() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        try DatabaseQueue(path: fixture.indexPath).read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.first_passage, a.last_passage, min(p.id) AS low, max(p.id) AS high, count(*) AS n
                FROM articles a JOIN passages p ON p.article_id = a.id GROUP BY a.id
                """)
            for row in rows {
                #expect(row["first_passage"] as Int == row["low"] as Int)
                #expect(row["last_passage"] as Int == row["high"] as Int)
                #expect((row["high"] as Int) - (row["low"] as Int) + 1 == row["n"] as Int)
            }
        }
    }

    @Test func rebuildingReplacesTheFileAndLeavesNoTemporaryFile() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        try fixture.write(CorpusFixture.article(title: "Retinol", kind: "ingredient", body: "Vitamin A."), to: "articles/retinol.md")
        try fixture.buildIndex()
        #expect(IndexMeta.read(path: fixture.indexPath)?.articles == 6)
        let folder = (fixture.indexPath as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["needle.sqlite"])
    }

    @Test func aFailedPublishLeavesTheOldIndexAndNoTemporaryFile() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        let corpus = try fixture.load()
        let blocked = fixture.directory.file("blocked")
        try FileManager.default.createDirectory(atPath: blocked + "/needle.sqlite/inside", withIntermediateDirectories: true)
        #expect(throws: IndexError.self) { try IndexBuilder.build(corpus, to: blocked + "/needle.sqlite") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: blocked) == ["needle.sqlite"])
    }

    @Test func anUncreatableFolderIsReportedInWords() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        let blocker = fixture.directory.file("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let error = #expect(throws: IndexError.self) { try IndexBuilder.build(try fixture.load(), to: blocker + "/sub/needle.sqlite") }
        #expect(error?.description == "\(blocker)/sub/needle.sqlite: cannot write the index: cannot create folder \(blocker)/sub: Not a directory")
    }

    @Test func readingMetaRejectsOtherFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("other.sqlite")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect(IndexMeta.read(path: path) == nil)
        #expect(throws: IndexError.self) { try DatabaseQueue(path: path).read { try IndexMeta.read($0, path: path) } }
    }

    @Test func readingMetaRejectsAnotherSchemaVersion() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let queue = try DatabaseQueue(path: fixture.indexPath)
        try queue.write { try $0.execute(sql: "UPDATE meta SET value = '999' WHERE key = 'schema_version'") }
        let error = #expect(throws: IndexError.self) { try queue.read { try IndexMeta.read($0, path: fixture.indexPath) } }
        #expect(error?.description.contains("schema version 999") == true)
    }
}
