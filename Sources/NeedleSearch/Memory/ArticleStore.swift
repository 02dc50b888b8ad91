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

    /// An article being read: its row's fields, then its passages as they come.
    private struct Reading {
        var id: Int64
        var slug: String
        var title: String
        var kind: String
        var summary: String?
        var passageIDs: ClosedRange<Int64>
        var passages: [StoredArticle.Passage] = []
        var terms: [UInt32] = []
    }

    /// The articles `ids` from the index, rows and passages in one statement, its columns read
    /// straight from SQLite: a row object per passage, a Data per blob, a second statement
    /// and a sorter (an ORDER BY) were over half of reading an article.
    private static func read(_ ids: [Int64], in db: Database) throws -> [StoredArticle] {
        let statement = try db.cachedStatement(sql: """
            SELECT a.id, a.slug, a.title, a.kind, a.summary, a.first_passage, a.last_passage, p.id, p.heading, p.text, t.terms
            FROM json_each(?) AS r JOIN articles AS a ON a.id = r.value
            LEFT JOIN passages AS p ON p.id BETWEEN a.first_passage AND a.last_passage
            LEFT JOIN passage_terms AS t ON t.id = p.id
            """)
        var seen = Set<Int64>()
        try statement.setArguments([idList(ids.filter { seen.insert($0).inserted })])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var readings: [Reading] = []
        var positions: [Int64: Int] = [:]
        while try step(handle, in: db) {
            let id = sqlite3_column_int64(handle, 0)
            let position = positions[id] ?? readings.count
            if position == readings.count {
                positions[id] = position
                readings.append(Reading(
                    id: id, slug: text(handle, 1) ?? "", title: text(handle, 2) ?? "", kind: text(handle, 3) ?? "",
                    summary: text(handle, 4), passageIDs: sqlite3_column_int64(handle, 5)...max(sqlite3_column_int64(handle, 5), sqlite3_column_int64(handle, 6))))
            }
            guard sqlite3_column_type(handle, 7) != SQLITE_NULL else { continue }   // an article without passages
            let passage = sqlite3_column_int64(handle, 7)
            let start = readings[position].terms.count
            var headingTokens: Int?
            if let blob = sqlite3_column_blob(handle, 10) {
                let bytes = UnsafeBufferPointer(start: blob.assumingMemoryBound(to: UInt8.self), count: Int(sqlite3_column_bytes(handle, 10)))
                headingTokens = PassageTerms.decode(bytes, appendingTo: &readings[position].terms)
            }
            readings[position].passages.append(StoredArticle.Passage(
                id: passage, heading: text(handle, 8), text: text(handle, 9) ?? "",
                headingTokens: headingTokens, terms: start..<readings[position].terms.count))
        }
        return readings.map { reading in
            // Without an ORDER BY, passages come in the order of their ids (a range of rowids);
            // any other order is sorted here. A passage's slice of `terms` goes with it.
            var passages = reading.passages
            if !zip(passages, passages.dropFirst()).allSatisfy({ $0.id < $1.id }) { passages.sort { $0.id < $1.id } }
            return StoredArticle(
                id: reading.id, slug: reading.slug, title: reading.title, kind: reading.kind, summary: reading.summary,
                passageIDs: reading.passageIDs, passages: passages, terms: reading.terms)
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
