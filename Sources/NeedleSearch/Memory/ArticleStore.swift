import Foundation
import GRDB
import GRDBSQLite
import NeedleIndex
import Synchronization

/// The articles requests have read, kept in memory for the life of one open index (a reload
/// opens a new one): a search's page and an answer's candidates are read from here, not
/// from SQLite, once an article has been read.
///
/// Every request that shows an article needs the same things of it: its row, each passage's
/// stored term ids (decoded once, not per request) and text. Reading them took
/// four statements and decoding a varint per token per request. At most ``capacity`` bytes are
/// kept, so memory stays bounded at any corpus size (the bundled corpus fits whole, under
/// 2 MiB; of 10,000 articles about 2,000 fit). When an article would pass it, the articles
/// kept longest are dropped, an eighth of the store at a time: the store stays nearly full,
/// where starting over when full kept it half full on average, and missed twice as often.
///
/// ```swift
/// let articles = try store.articles([12, 40], in: db)
/// articles[12]?.passages.first?.text   // the introduction of article 12
/// ```
final class ArticleStore: Sendable {
    /// The bound of ``capacity`` when none is given: 8 MiB.
    static let defaultCapacity = 8 << 20

    /// The most bytes kept (``StoredArticle/bytes``).
    let capacity: Int

    private struct Kept {
        var articles: [Int64: StoredArticle] = [:]
        /// The kept ids in the order they were kept; those before `oldest` are gone.
        var order: [Int64] = []
        var oldest = 0
        var bytes = 0

        /// Keeps `article`, first dropping the oldest articles while it would not fit.
        mutating func keep(_ article: StoredArticle, within capacity: Int) {
            let bytes = article.bytes
            guard articles[article.id] == nil, bytes <= capacity else { return }
            if self.bytes + bytes > capacity {
                while self.bytes + bytes > capacity - capacity / 8, oldest < order.count {
                    self.bytes -= articles.removeValue(forKey: order[oldest])?.bytes ?? 0
                    oldest += 1
                }
                if oldest > order.count / 2 {
                    order.removeFirst(oldest)
                    oldest = 0
                }
            }
            articles[article.id] = article
            order.append(article.id)
            self.bytes += bytes
        }
    }

    private let kept = Mutex(Kept())

    init(capacity: Int = ArticleStore.defaultCapacity) {
        self.capacity = capacity
    }

    /// The articles `ids` (those that exist), read from the index when not kept.
    func articles(_ ids: [Int64], in db: Database) throws -> [Int64: StoredArticle] {
        var found: [Int64: StoredArticle] = [:]
        var missing: [Int64] = []
        kept.withLock { kept in
            for id in ids {
                if let article = kept.articles[id] { found[id] = article } else { missing.append(id) }
            }
        }
        guard !missing.isEmpty else { return found }
        let read = try Self.read(missing, in: db)
        kept.withLock { kept in
            for article in read { kept.keep(article, within: capacity) }
        }
        for article in read { found[article.id] = article }
        return found
    }

    /// How many articles and bytes are kept.
    var usage: (articles: Int, bytes: Int) {
        kept.withLock { ($0.articles.count, $0.bytes) }
    }

    /// The articles `ids` from the index, in two statements: their rows, then all their passages
    /// (a passage's slice of `terms` is found by its range, whatever the order of the rows).
    private static func read(_ ids: [Int64], in db: Database) throws -> [StoredArticle] {
        var rows: [Row] = []
        let articles = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, slug, title, kind, summary, first_passage, last_passage FROM articles
            WHERE id IN (SELECT value FROM json_each(?))
            """), arguments: [idList(ids)])
        while let row = try articles.next() { rows.append(row.copy()) }
        guard !rows.isEmpty else { return [] }
        let ranges = rows.map { ($0[5] as Int64)...($0[6] as Int64) }
        var passages = [[StoredArticle.Passage]](repeating: [], count: rows.count)
        var terms = [[UInt32]](repeating: [], count: rows.count)
        let statement = try db.cachedStatement(sql: """
            SELECT r.key, p.id, p.heading, p.text, t.terms FROM json_each(?) AS r
            JOIN passages AS p ON p.id BETWEEN json_extract(r.value, '$[0]') AND json_extract(r.value, '$[1]')
            LEFT JOIN passage_terms AS t ON t.id = p.id
            """)
        try statement.setArguments(["[" + ranges.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"])
        // Columns are read straight from SQLite: a row object per passage, and a Data per
        // blob, were a third of reading an article.
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while try step(handle, in: db) {
            let article = Int(sqlite3_column_int64(handle, 0))
            guard article >= 0, article < rows.count else { continue }
            let start = terms[article].count
            var headingTokens: Int?
            if let blob = sqlite3_column_blob(handle, 4) {
                let bytes = UnsafeBufferPointer(start: blob.assumingMemoryBound(to: UInt8.self), count: Int(sqlite3_column_bytes(handle, 4)))
                headingTokens = PassageTerms.decode(bytes, appendingTo: &terms[article])
            }
            passages[article].append(StoredArticle.Passage(
                id: sqlite3_column_int64(handle, 1), heading: text(handle, 2), text: text(handle, 3) ?? "",
                headingTokens: headingTokens, terms: start..<terms[article].count))
        }
        // Without an ORDER BY (it cost a quarter of the statement in a sorter), rows come in
        // the order of the ranges and, within one, of the passages' ids; anything else is sorted here.
        for index in passages.indices where !zip(passages[index], passages[index].dropFirst()).allSatisfy({ $0.id < $1.id }) {
            passages[index].sort { $0.id < $1.id }
        }
        return rows.indices.map { index in
            let row = rows[index]
            return StoredArticle(
                id: row[0], slug: row[1], title: row[2], kind: row[3], summary: row[4], passageIDs: ranges[index],
                passages: passages[index], terms: terms[index])
        }
    }

    /// Steps a statement: true on a row, false when done; throws SQLite's error otherwise
    /// (an interrupt at the read's deadline, ``QueryDeadline``, among them).
    private static func step(_ handle: OpaquePointer, in db: Database) throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }

    /// A text column of the current row; nil when NULL.
    private static func text(_ handle: OpaquePointer, _ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }

    /// Ids as a JSON array, so one cached statement serves any number of them.
    static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
