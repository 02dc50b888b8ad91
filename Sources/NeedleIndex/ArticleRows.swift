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
    private let insertArticle: RowInsert
    private let insertArticleText: RowInsert
    private let insertPassage: RowInsert
    /// `nil` when a scratch index takes the passages.
    private let insertPassageText: RowInsert?
    private let insertName: RowInsert

    init(_ db: Database, scratch: ScratchPassageIndex? = nil) throws {
        self.db = db
        self.scratch = scratch
        lastArticleID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM articles") ?? 0
        lastPassageID = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM passages") ?? 0
        insertArticle = try RowInsert(db, sql: "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        insertArticleText = try RowInsert(
            db, sql: "INSERT INTO articles_fts (rowid, title, aliases, concerns, headings, body) VALUES (?, ?, ?, ?, ?, ?)")
        insertPassage = try RowInsert(db, sql: "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?)")
        insertPassageText = scratch == nil ? try RowInsert(db, sql: PassageText.insertSQL) : nil
        insertName = try RowInsert(db, sql: "INSERT INTO names VALUES (?, ?, ?)")
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
        try insertArticle.run { row in
            row.bind(id)
            row.bind(article.slug)
            row.bind(article.title)
            row.bind(article.kind.rawValue)
            row.bind(article.summary)
            row.bind(article.path)
            row.bind(ContentDigest.hex(article.digest))
            row.bind(first)
            row.bind(last)
        }
        try insertArticleText.run { row in
            row.bind(id)
            row.bind(article.title)
            row.bind(article.aliases.joined(separator: "\n"))
            row.bind(article.concerns.joined(separator: "\n"))
            row.bind(article.headings.joined(separator: "\n"))
            row.bind(article.bodyText)
        }
        scratch?.add(firstID: first, article.passages)
        for (ordinal, passage) in article.passages.enumerated() {
            lastPassageID += 1
            try insertPassage.run { row in
                row.bind(lastPassageID)
                row.bind(id)
                row.bind(ordinal)
                row.bind(passage.heading)
                row.bind(passage.parent)
                row.bind(passage.level)
                row.bind(passage.text)
            }
            if let insertPassageText { try PassageText.insert(passage, id: lastPassageID, with: insertPassageText) }
        }
        try addName(id, "title", article.title)
        for alias in article.aliases { try addName(id, "alias", alias) }
        for concern in article.concerns { try addName(id, "concern", concern) }
    }

    private func addName(_ id: Int64, _ role: String, _ name: String) throws {
        try insertName.run { row in
            row.bind(id)
            row.bind(role)
            row.bind(name)
        }
    }

    /// Removes the article `id` and everything that belongs to it.
    func delete(id: Int64) throws {
        // `articles_fts` has no text of its own either: its view gives the values the row
        // was indexed with, while the rows it reads are still there.
        try db.cachedStatement(sql: """
            INSERT INTO articles_fts (articles_fts, rowid, title, aliases, concerns, headings, body)
            SELECT 'delete', id, title, aliases, concerns, headings, body FROM articles_text WHERE id = ?
            """).execute(arguments: [id])
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
        for sql in ["DELETE FROM names WHERE article_id = ?", "DELETE FROM articles WHERE id = ?"] {
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
