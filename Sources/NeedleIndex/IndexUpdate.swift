import GRDB
import NeedleCorpus

/// Brings the rows of an open index in line with a corpus streaming through it.
///
/// Articles whose file digest matches the index are left alone; changed ones are
/// rewritten under their old id; new ones get new ids; articles the corpus no longer
/// has are removed at the end. Starting from an empty index this is a full build.
struct IndexUpdate {
    private var rows: ArticleRows
    private let existing: [String: IndexedArticle]
    private var seen: Set<String> = []
    private(set) var changes = IndexChanges()

    init(_ db: Database, existing: [String: IndexedArticle], scratch: ScratchPassageIndex? = nil) throws {
        rows = try ArticleRows(db, scratch: scratch)
        self.existing = existing
    }

    /// The articles already in the index, by slug.
    static func existingArticles(_ db: Database) throws -> [String: IndexedArticle] {
        var articles: [String: IndexedArticle] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, slug, digest, path FROM articles") {
            articles[row[1]] = IndexedArticle(id: row[0], digest: row[2], path: row[3])
        }
        return articles
    }

    /// Whether the index already holds exactly this file, given its slug and digest;
    /// safe to call from the thread that parses the corpus.
    var isUnchanged: @Sendable (_ slug: String, _ digest: UInt64) -> Bool {
        let digests = existing.mapValues(\.digest)
        return { slug, digest in digests[slug] == ContentDigest.hex(digest) }
    }

    /// Leaves an unchanged article alone (updating its path if the file moved), rewrites
    /// a changed one under its old id, or adds a new one.
    mutating func apply(_ article: Article) throws {
        guard let old = existing[article.slug] else {
            try rows.insert(article)
            changes.added += 1
            return
        }
        seen.insert(article.slug)
        if old.digest == ContentDigest.hex(article.digest) {
            if old.path != article.path {
                try rows.db.cachedStatement(sql: "UPDATE articles SET path = ? WHERE id = ?").execute(arguments: [article.path, old.id])
                changes.moved += 1
            }
            return
        }
        try rows.delete(id: old.id)
        try rows.insert(article, id: old.id)
        changes.rewritten += 1
    }

    /// Removes the articles not seen and replaces the synonyms.
    mutating func finish(synonyms: [SynonymRule]) throws {
        for (slug, old) in existing where !seen.contains(slug) {
            try rows.delete(id: old.id)
            changes.removed += 1
        }
        try rows.replaceSynonyms(with: synonyms)
    }

    /// Checks that every table agrees with the corpus; returns the number of passages.
    /// FTS5 rows are counted in their small `_docsize` shadow tables (one row per
    /// document) rather than by scanning the stored text.
    static func verify(_ db: Database, articles: Int) throws -> Int {
        let counts = try Row.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles_fts_docsize),
                   (SELECT count(*) FROM passages), (SELECT count(*) FROM passages_fts_docsize),
                   (SELECT coalesce(sum(last_passage - first_passage + 1), 0) FROM articles)
            """)
        guard let counts, counts[0] as Int == articles, counts[1] as Int == articles,
              counts[2] as Int == counts[3] as Int, counts[2] as Int == counts[4] as Int
        else {
            throw RowCountMismatch()
        }
        return counts[2]
    }
}

/// The index written does not hold the rows the corpus should have produced.
private struct RowCountMismatch: Error, CustomStringConvertible {
    var description: String { "the written index does not match the corpus (row counts differ)" }
}
