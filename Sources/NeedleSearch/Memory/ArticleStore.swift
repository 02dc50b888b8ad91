import Foundation
import GRDB
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

    /// The articles `ids` from the index, in two statements: their rows, then all their passages.
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
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT r.key, p.id, p.heading, p.text, t.terms FROM json_each(?) AS r
                JOIN passages AS p ON p.id BETWEEN json_extract(r.value, '$[0]') AND json_extract(r.value, '$[1]')
                LEFT JOIN passage_terms AS t ON t.id = p.id
                ORDER BY r.key, p.id
                """),
            arguments: ["[" + ranges.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"])
        while let row = try cursor.next() {
            let article: Int = row[0]
            let start = terms[article].count
            let headingTokens = try row.withUnsafeData(atIndex: 4) { data in
                data.flatMap { $0.withUnsafeBytes { PassageTerms.decode($0.bindMemory(to: UInt8.self), appendingTo: &terms[article]) } }
            }
            let heading: String? = row[2]
            passages[article].append(StoredArticle.Passage(
                id: row[1], heading: heading, text: row[3], headingTokens: headingTokens, terms: start..<terms[article].count))
        }
        return rows.indices.map { index in
            let row = rows[index]
            return StoredArticle(
                id: row[0], slug: row[1], title: row[2], kind: row[3], summary: row[4], passageIDs: ranges[index],
                passages: passages[index], terms: terms[index])
        }
    }

    /// Ids as a JSON array, so one cached statement serves any number of them.
    static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
