import Foundation
import GRDB
import NeedleProtocol

/// Proves an index file whole before it is served or built upon.
///
/// Cheapest first: the file's length against its header, the schema version (by
/// ``IndexMeta``), SQLite's `quick_check`, and the counts `meta` records (articles,
/// passages, synonym rules) against the tables. Every failure names the file and says how
/// to rebuild it.
///
/// ```swift
/// let verified = try IndexVerification.verify(HeldIndexFile(path: "Index/needle.sqlite"))
/// verified.meta.articles // 55
/// ```
public enum IndexVerification {
    /// What a verified index holds.
    public struct Verified: Sendable {
        public var meta: IndexMeta
        /// The first article, whose title a search must find; `nil` in an empty index.
        public var probe: (slug: String, title: String)?
    }

    /// Verifies the held file on a read-only connection of its own.
    ///
    /// Throws ``IndexError`` (not an index, other schema) or ``IndexCheckError``.
    public static func verify(_ file: HeldIndexFile) throws -> Verified {
        if let expected = expectedLength(of: file), file.size < expected {
            throw IndexCheckError.truncated(path: file.path, bytes: file.size, expected: expected)
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: file.connectionPath, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try verify(db, path: file.path) }
        } catch let error as IndexError {
            throw error
        } catch let error as IndexCheckError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw IndexError.notAnIndex(path: file.path)
        } catch {
            throw IndexCheckError.damaged(path: file.path, report: "\(error)")
        }
    }

    /// Verifies the file at `path`.
    public static func verify(path: String) throws -> Verified {
        try verify(HeldIndexFile(path: path))
    }

    /// The length the SQLite header records (page size × page count), when it records one:
    /// the count is valid only while its "version valid for" equals the change counter.
    /// See <https://sqlite.org/fileformat2.html#the_database_header>.
    static func expectedLength(of file: HeldIndexFile) -> Int64? {
        let header = file.prefix(100)
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else { return nil }
        func integer(at offset: Int, bytes: Int) -> Int64 {
            header[offset..<offset + bytes].reduce(0) { $0 << 8 | Int64($1) }
        }
        let pageSize = integer(at: 16, bytes: 2) == 1 ? 65536 : integer(at: 16, bytes: 2)
        let pages = integer(at: 28, bytes: 4)
        guard pages > 0, integer(at: 24, bytes: 4) == integer(at: 92, bytes: 4) else { return nil }
        return pageSize * pages
    }

    private static func verify(_ db: Database, path: String) throws -> Verified {
        let meta = try IndexMeta.read(db, path: path)
        let report = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard report == ["ok"] else { throw IndexCheckError.damaged(path: path, report: report.prefix(3).joined(separator: "; ")) }
        try expect(db, "articles", meta.articles, "SELECT count(*) FROM articles", path)
        try expect(db, "articles (full-text)", meta.articles, "SELECT count(*) FROM articles_fts_docsize", path)
        try expect(db, "passages", meta.passages, "SELECT count(*) FROM passages", path)
        try expect(db, "synonym rules", meta.synonyms, "SELECT count(DISTINCT line) FROM synonym_terms", path)
        let probe = try Row.fetchOne(db, sql: "SELECT slug, title FROM articles ORDER BY id LIMIT 1")
            .map { (slug: $0[0] as String, title: $0[1] as String) }
        return Verified(meta: meta, probe: probe)
    }

    private static func expect(_ db: Database, _ field: String, _ recorded: Int, _ sql: String, _ path: String) throws {
        let actual = try Int.fetchOne(db, sql: sql) ?? 0
        guard actual == recorded else {
            throw IndexCheckError.metaMismatch(path: path, field: field, recorded: recorded, actual: actual)
        }
    }
}
