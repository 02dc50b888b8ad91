import GRDB
import NeedleCorpus

/// Writes and removes the rows of articles, passages, names and synonym terms,
/// with statements prepared once and reused for every row.
///
/// An article's passages always take fresh ids above every id in use, so they stay
/// contiguous (`first_passage...last_passage`) even when the article is rewritten.
struct ArticleRows {
    let db: Database
    /// Where a full build indexes passages instead of `passages_fts` on `db`.
    private let scratch: ScratchPassageIndex?
    private(set) var lastArticleID: Int64
    private(set) var lastPassageID: Int64
    private let insertArticle: Statement
    private let insertArticleText: Statement
    private let insertPassage: Statement
    /// `nil` when a scratch index takes the passages.
    private let insertPassageText: Statement?
    private let insertName: Statement

    init(_ db: Database, scratch: ScratchPassageIndex? = nil) throws {
        self.db = db
        self.scratch = scratch
        lastArticleID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM articles") ?? 0
        lastPassageID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM passages") ?? 0
        insertArticle = try db.makeStatement(sql: "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertArticleText = try db.makeStatement(
            sql: "INSERT INTO articles_fts (rowid, title, aliases, concerns, headings, body) VALUES (?, ?, ?, ?, ?, ?)")
        insertPassage = try db.makeStatement(sql: "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertPassageText = scratch == nil
            ? try db.makeStatement(sql: "INSERT INTO passages_fts (rowid, heading, text) VALUES (?, ?, ?)") : nil
        insertName = try db.makeStatement(sql: "INSERT INTO names VALUES (?, ?, ?)")
    }

    /// Inserts `article` under a new id.
    mutating func insert(_ article: Article) throws {
        lastArticleID += 1
        try insert(article, id: lastArticleID)
    }

    /// Inserts `article` under `id`, which must be free.
    mutating func insert(_ article: Article, id: Int64) throws {
        let first = lastPassageID + 1
        let last = lastPassageID + Int64(article.passages.count)
        try insertArticle.execute(arguments: [
            id, article.slug, article.title, article.kind.rawValue, article.summary, article.path,
            ContentDigest.hex(article.digest), first, last,
        ])
        try insertArticleText.execute(arguments: [
            id, article.title, article.aliases.joined(separator: "\n"), article.concerns.joined(separator: "\n"),
            article.headings.joined(separator: "\n"), article.bodyText,
        ])
        scratch?.add(firstID: first, article.passages)
        for (ordinal, passage) in article.passages.enumerated() {
            lastPassageID += 1
            try insertPassage.execute(arguments: [
                lastPassageID, id, ordinal, passage.heading, passage.parent, passage.level, passage.text,
            ])
            // The values `passages` holds, which the 'delete' in `delete(id:)` reads back.
            try insertPassageText?.execute(arguments: [lastPassageID, passage.heading, passage.text])
        }
        let names = [("title", article.title)] + article.aliases.map { ("alias", $0) } + article.concerns.map { ("concern", $0) }
        for (role, name) in names {
            try insertName.execute(arguments: [id, role, name])
        }
    }

    /// Removes the article `id` and everything that belongs to it.
    func delete(id: Int64) throws {
        let range = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT first_passage, last_passage FROM articles WHERE id = ?"), arguments: [id])
        if let range {
            let first: Int64 = range[0]
            let last: Int64 = range[1]
            // `passages_fts` has no text of its own (external content): FTS5 removes a row's
            // terms given the values it indexed, read here before the rows go.
            try db.cachedStatement(sql: """
                INSERT INTO passages_fts (passages_fts, rowid, heading, text)
                SELECT 'delete', id, heading, text FROM passages WHERE id BETWEEN ? AND ? ORDER BY id
                """).execute(arguments: [first, last])
            try db.cachedStatement(sql: "DELETE FROM passages WHERE id BETWEEN ? AND ?").execute(arguments: [first, last])
        }
        for sql in ["DELETE FROM names WHERE article_id = ?", "DELETE FROM articles_fts WHERE rowid = ?", "DELETE FROM articles WHERE id = ?"] {
            try db.cachedStatement(sql: sql).execute(arguments: [id])
        }
    }

    /// Replaces every synonym term with `rules`.
    func replaceSynonyms(with rules: [SynonymRule]) throws {
        try db.execute(sql: "DELETE FROM synonym_terms")
        let statement = try db.makeStatement(sql: "INSERT INTO synonym_terms VALUES (?, ?, ?, ?)")
        for rule in rules {
            let sides = rule.terms.map { ("term", $0) } + rule.targets.map { ("target", $0) }
            for (side, term) in sides {
                try statement.execute(arguments: [rule.line, rule.form.rawValue, side, term])
            }
        }
    }
}
