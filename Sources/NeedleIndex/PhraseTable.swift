import CNeedleSQLite
import Foundation
import GRDB

/// Writes the phrases' rows of `postings` (``TermTable``): the ``PostingList`` over
/// `articles_fts` of every phrase of several words that a query expands a name or a synonym
/// to, so a query reads one blob for it, as for a word, instead of asking FTS5 to match the
/// phrase row by row.
///
/// The phrases are known when the index is built: every name (`names`: titles, aliases,
/// concerns) and every term of `synonyms.txt` (`synonym_terms`). Each is keyed by its FTS5
/// terms (`needle_fts5_terms`, the tokenizer of the full-text tables, joined by spaces),
/// since two phrases with the same terms match the same rows; a name of one term has the
/// row ``TermTable`` writes for its term. Its postings are what FTS5 reports for the phrase (`needle_phrase_hits`: each
/// matching article's length and the phrase's hits per column), so bm25 computed from them
/// equals `bm25()`'s bit for bit.
///
/// Like `terms`, the rows are derived from the full-text table and rewritten at the end of
/// every build, full or incremental, after ``TermTable/rebuild(_:)``.
public enum PhraseTable {
    /// Makes `needle_fts5_terms(text)`, which names a phrase's row, available on `db`.
    public static func registerTerms(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        let code = needle_sqlite_register_fts5_terms(UnsafeMutableRawPointer(connection))
        guard code == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register needle_fts5_terms") }
    }

    /// Adds the postings of every name and synonym term of several terms of the current
    /// index to `postings`, which ``TermTable/rebuild(_:)`` has just rewritten.
    static func rebuild(_ db: Database) throws {
        try registerTerms(db)
        try PhraseHitCounts.register(db)
        let insert = try db.makeStatement(sql: "INSERT INTO postings VALUES (?, ?, ?)")
        let hits = try db.makeStatement(sql: "SELECT rowid, needle_phrase_hits(articles_fts) FROM articles_fts WHERE articles_fts MATCH ?")
        for (key, text) in try phrases(db) {
            var list = PostingList()
            var articles: Int64 = 0
            let rows = try Row.fetchCursor(hits, arguments: [quoted(text)])
            while let row = try rows.next() {
                let values = PhraseHitCounts.decode(row[1] ?? Data())
                guard values.count == 1 + TermTable.articleColumns.count else { continue }
                list.append(article: row[0], length: Int(values[0]), counts: values.dropFirst().map(Int.init))
                articles += 1
            }
            try insert.execute(arguments: [key, articles, Data(list.bytes)])
        }
    }

    /// Every phrase of several terms, by its terms, with the first text (in sorted order)
    /// that has them.
    private static func phrases(_ db: Database) throws -> [(key: String, text: String)] {
        var phrases: [(key: String, text: String)] = []
        var seen = Set<String>()
        for row in try Row.fetchAll(db, sql: """
            SELECT needle_fts5_terms(text) AS key, text FROM (SELECT name AS text FROM names UNION SELECT term FROM synonym_terms)
            ORDER BY text
            """) {
            let key: String = row[0]
            guard key.contains(" "), seen.insert(key).inserted else { continue }
            phrases.append((key, row[1]))
        }
        return phrases
    }

    /// `text` as one FTS5 phrase: in double quotes, with `"` doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
