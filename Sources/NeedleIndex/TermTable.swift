import Foundation
import GRDB
import GRDBSQLite

/// Writes the `terms`, `postings` and `term_totals` tables: what FTS5's bm25 needs to know
/// about each term and about the whole index, computed once per build instead of once per query.
///
/// FTS5's bm25 reads, for every row a query matches, each phrase's hits per column and the
/// row's length, and first counts every row that holds each phrase (its idf). For a common
/// word that is every article. `terms` keeps, per indexed term (a Porter stem): its id in
/// `passage_terms` (``PassageTermTable``; 0 for a term no passage holds),
/// the number of articles and of passages that hold it; `postings` keeps, per term that
/// articles hold, that number again and its ``PostingList`` over `articles_fts` (apart, so
/// the rows of `terms`, which every query looks up, stay small and dense); `term_totals`
/// keeps the row and token counts of both full-text tables (the `averages` FTS5 itself
/// keeps). A query then computes bm25 itself, exactly as `bm25()` would, from one blob per
/// word. ``PhraseTable`` adds the rows of phrases to `postings`.
///
/// The tables are derived from the full-text tables, so every build (full or incremental)
/// rewrites them at its end, reading FTS5's own index through `fts5vocab`
/// (<https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module>): the terms are
/// exactly the tokens FTS5 stored.
enum TermTable {
    /// The columns of `articles_fts`, in order.
    static let articleColumns = ["title", "aliases", "concerns", "headings", "body"]

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE terms (
                term TEXT PRIMARY KEY NOT NULL,
                id INTEGER NOT NULL,
                articles INTEGER NOT NULL,
                passages INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE postings (
                phrase TEXT PRIMARY KEY NOT NULL,
                articles INTEGER NOT NULL,
                postings BLOB NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE term_totals (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL) WITHOUT ROWID;
            """)
    }

    /// Replaces the tables' rows with those of the current full-text tables (all of
    /// `postings`: ``PhraseTable/rebuild(_:)`` comes after).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM terms;
            DELETE FROM postings;
            DELETE FROM term_totals;
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.build_article_instances USING fts5vocab(main, articles_fts, instance);
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.build_passage_terms USING fts5vocab(main, passages_fts, row);
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.build_article_instances; DROP TABLE IF EXISTS temp.build_passage_terms") }
        var passageCounts: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT term, doc FROM temp.build_passage_terms") {
            passageCounts[row[0]] = row[1]
        }
        let ids = PassageTermTable.termIDs(passageCounts: passageCounts)
        try writePostings(db, lengths: articleLengths(db), ids: ids, passageCounts: &passageCounts)
        let insert = try db.makeStatement(sql: "INSERT INTO terms VALUES (?, ?, 0, ?)")
        for (term, count) in passageCounts { try insert.execute(arguments: [term, ids[term] ?? 0, count]) }
        try writeTotals(db)
        try PassageTermTable.rebuild(db, ids: ids)
    }

    /// Streams every occurrence of every term (ordered by term, then article, then column)
    /// into one row per term.
    private static func writePostings(
        _ db: Database, lengths: [Int64: Int], ids: [String: Int64], passageCounts: inout [String: Int64]
    ) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO terms VALUES (?, ?, ?, ?)")
        let insertPostings = try db.makeStatement(sql: "INSERT INTO postings VALUES (?, ?, ?)")
        let occurrences = try db.makeStatement(sql: "SELECT term, doc, col FROM temp.build_article_instances")
        let columnNames = articleColumns.map { Array($0.utf8) }
        var term: [UInt8] = []
        var list = PostingList()
        var articles = 0
        var article: Int64 = -1
        var counts = [Int](repeating: 0, count: articleColumns.count)
        func endArticle() {
            guard article >= 0 else { return }
            list.append(article: article, length: lengths[article] ?? 0, counts: counts)
            articles += 1
            for column in counts.indices { counts[column] = 0 }
        }
        func endTerm() throws {
            endArticle()
            guard articles > 0 else { return }
            let text = String(decoding: term, as: UTF8.self)
            try insert.execute(arguments: [text, ids[text] ?? 0, articles, passageCounts.removeValue(forKey: text) ?? 0])
            try insertPostings.execute(arguments: [text, articles, Data(list.bytes)])
            (list, articles, article) = (PostingList(), 0, -1)
        }
        let handle = occurrences.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            let current = bytes(handle, column: 0)
            if current != term {
                try endTerm()
                term = current
            }
            let doc = sqlite3_column_int64(handle, 1)
            if doc != article {
                endArticle()
                article = doc
            }
            if let column = columnNames.firstIndex(of: bytes(handle, column: 2)) { counts[column] += 1 }
        }
        try endTerm()
    }

    static func bytes(_ statement: OpaquePointer, column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let text = sqlite3_column_text(statement, column) else { return [] }
        return Array(UnsafeBufferPointer(start: text, count: count))
    }

    /// Each article's length in tokens, from FTS5's `docsize` table (one varint per column).
    private static func articleLengths(_ db: Database) throws -> [Int64: Int] {
        var lengths: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, sz FROM articles_fts_docsize") {
            let sizes: Data = row[1] ?? Data()
            lengths[row[0]] = Int(FTS5Varint.decodeAll(Array(sizes)).reduce(0, +))
        }
        return lengths
    }

    /// The row and token counts FTS5 keeps for each table (its `averages` record, id 1 of
    /// the `_data` table: the row count, then each column's total size), and the last article id.
    private static func writeTotals(_ db: Database) throws {
        var totals: [(String, Int64)] = [("last_article", try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM articles") ?? 0)]
        for (table, prefix) in [("articles_fts", "article"), ("passages_fts", "passage")] {
            let record = try Data.fetchOne(db, sql: "SELECT block FROM \(table)_data WHERE id = 1") ?? Data()
            let values = FTS5Varint.decodeAll(Array(record))
            totals.append(("\(prefix)_rows", Int64(values.first ?? 0)))
            totals.append(("\(prefix)_tokens", Int64(values.dropFirst().reduce(0, +))))
        }
        for (key, value) in totals {
            try db.execute(sql: "INSERT INTO term_totals VALUES (?, ?)", arguments: [key, value])
        }
    }
}

/// SQLite's varint, which FTS5 uses in its records: 7 bits a byte, high bits first, the
/// high bit set on all but the last byte, and a ninth byte contributing all 8 bits.
enum FTS5Varint {
    static func decodeAll(_ bytes: [UInt8]) -> [UInt64] {
        var values: [UInt64] = []
        var position = 0
        while position < bytes.count {
            var value: UInt64 = 0
            var index = 0
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if index == 8 {
                    value = value << 8 | UInt64(byte)
                    break
                }
                value = value << 7 | UInt64(byte & 0x7f)
                index += 1
                if byte < 0x80 { break }
            }
            values.append(value)
        }
        return values
    }
}
