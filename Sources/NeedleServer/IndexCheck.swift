import Foundation
import GRDB
import NeedleIndex
import NeedleSearch
import NeedleProtocol

/// Opens an index file and proves it can serve before anyone is sent to it.
///
/// Three checks, cheapest first: the schema version (by ``NeedleIndex/IndexMeta``), the
/// integrity of the file and of its `meta` table (SQLite `quick_check`; the recorded
/// counts of articles, passages and synonym rules against the tables), and a probe
/// search for one article's title that must find that article.
///
/// ```swift
/// let index = try IndexCheck.open(path: "Index/needle.sqlite", readers: 2, mappedBytes: 0)
/// ```
enum IndexCheck {
    /// The index at `path`, opened with `readers` connections each mapping `mappedBytes`, and checked.
    /// The memory freed while loading it is given back to the system.
    ///
    /// Throws ``NeedleIndex/IndexError`` (missing, not an index, other schema) or ``IndexCheckError``.
    static func open(path: String, readers: Int, mappedBytes: Int) throws -> SearchIndex {
        let (meta, probe) = try inspect(path)
        let index = try SearchIndex.open(path: path, readers: readers, mappedBytes: mappedBytes)
        defer { HeapTuning.giveBackFreedMemory() }
        guard index.meta == meta else { throw IndexCheckError.replacedWhileChecking(path: path) }
        if let probe {
            let result = try index.search(SearchRequest(query: probe.title, limit: SearchRequest.maximumLimit))
            guard result.hits.contains(where: { $0.slug == probe.slug }) else {
                throw IndexCheckError.probeFailed(path: path, query: probe.title)
            }
        }
        return index
    }

    /// Checks the file on a connection of its own; returns its meta and an article to probe for.
    private static func inspect(_ path: String) throws -> (IndexMeta, (slug: String, title: String)?) {
        guard FileManager.default.fileExists(atPath: path) else { throw IndexError.missing(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw IndexError.notAnIndex(path: path)
        }
        return try queue.read { db in
            let meta: IndexMeta
            do {
                meta = try IndexMeta.read(db, path: path)
            } catch let error as IndexError {
                throw error
            } catch {
                throw IndexError.notAnIndex(path: path)
            }
            let report = try String.fetchAll(db, sql: "PRAGMA quick_check")
            guard report == ["ok"] else { throw IndexCheckError.damaged(path: path, report: report.prefix(3).joined(separator: "; ")) }
            try expect(db, "articles", meta.articles, "SELECT count(*) FROM articles", path)
            try expect(db, "articles (full-text)", meta.articles, "SELECT count(*) FROM articles_fts", path)
            try expect(db, "passages", meta.passages, "SELECT count(*) FROM passages", path)
            try expect(db, "synonym rules", meta.synonyms, "SELECT count(DISTINCT line) FROM synonym_terms", path)
            let probe = try Row.fetchOne(db, sql: "SELECT slug, title FROM articles ORDER BY id LIMIT 1")
                .map { (slug: $0[0] as String, title: $0[1] as String) }
            return (meta, probe)
        }
    }

    private static func expect(_ db: Database, _ field: String, _ recorded: Int, _ sql: String, _ path: String) throws {
        let actual = try Int.fetchOne(db, sql: sql) ?? 0
        guard actual == recorded else {
            throw IndexCheckError.metaMismatch(path: path, field: field, recorded: recorded, actual: actual)
        }
    }
}
