import GRDB

/// The tables of a Needle index file and its format version.
///
/// The file stays readable by the `sqlite3` shell: plain tables plus two FTS5 tables
/// with SQLite's built-in `porter unicode61 remove_diacritics 2` tokenizer. Synonyms
/// are stored as data and expanded at query time, so the FTS5 tables hold only the
/// articles' own words.
///
/// | table | holds |
/// |---|---|
/// | `meta` | key/value facts: `schema_version`, `corpus_digest`, `built_at`, counts |
/// | `articles` | one row per article; its passages are the contiguous ids `first_passage...last_passage` |
/// | `passages` | one row per section (`ask` answers, hit snippets) |
/// | `names` | titles, aliases and concerns, one row each (concepts, autocomplete) |
/// | `synonym_terms` | `synonyms.txt`, one row per term, with its line |
/// | `articles_fts` | FTS5 over the view `articles_text` (external content): title, aliases, concerns, headings, body (rowid = articles.id) |
/// | `passages_fts` | FTS5 over `passages` (external content): heading, text (rowid = passages.id) |
/// | `terms` | per indexed term: its id, the articles and passages holding it (``TermTable``) |
/// | `postings` | per term, and per phrase of several terms that a name or synonym expands to: the articles holding it and its postings over `articles_fts` (``TermTable``, ``PhraseTable``) |
/// | `passage_terms` | per passage: the term id of each token of its heading and text, as FTS5 indexed them (``PassageTermTable``) |
/// | `term_totals` | row and token counts of both full-text tables, the last article id |
///
/// Neither full-text table keeps a copy of the text
/// (https://sqlite.org/fts5.html#external_content_tables): `passages_fts` indexes the
/// `heading` and `text` columns of `passages`, and `articles_fts` the view `articles_text`,
/// which puts each article's columns back together from `articles`, `names` and `passages`
/// exactly as they were indexed (lines joined by newlines, in row order). FTS5 reads them
/// from there only when asked for a column. Their rows must therefore be removed with
/// FTS5's `'delete'` command and the values they were indexed with, before the rows they
/// come from change.
public enum IndexSchema {
    /// Bumped whenever the tables change incompatibly; a daemon refuses other versions.
    /// Version 2 added `names_article`, which incremental builds need to rewrite one article;
    /// version 3 made `passages_fts` an external-content table over `passages`;
    /// version 4 added `terms` and `term_totals`, from which queries compute bm25;
    /// version 5 added `terms.id` and `passage_terms`, from which queries find their words in passages;
    /// version 6 moved the postings from `terms` to `postings`, which holds phrases too, and made
    /// `articles_fts` an external-content table over `articles_text`.
    public static let version = 6

    /// The FTS5 tokenizer of both full-text tables.
    public static let tokenizer = "porter unicode61 remove_diacritics 2"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                summary TEXT,
                path TEXT NOT NULL,
                digest TEXT NOT NULL,
                first_passage INTEGER NOT NULL,
                last_passage INTEGER NOT NULL
            );
            CREATE INDEX articles_kind ON articles(kind);
            CREATE TABLE passages (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id),
                ordinal INTEGER NOT NULL,
                heading TEXT,
                parent TEXT,
                level INTEGER NOT NULL,
                text TEXT NOT NULL
            );
            CREATE TABLE names (
                article_id INTEGER NOT NULL REFERENCES articles(id),
                role TEXT NOT NULL CHECK (role IN ('title', 'alias', 'concern')),
                name TEXT NOT NULL
            );
            CREATE INDEX names_name ON names(name COLLATE NOCASE);
            CREATE INDEX names_article ON names(article_id);
            CREATE TABLE synonym_terms (
                line INTEGER NOT NULL,
                form TEXT NOT NULL CHECK (form IN ('equivalent', 'one-way')),
                side TEXT NOT NULL CHECK (side IN ('term', 'target')),
                term TEXT NOT NULL
            );
            CREATE VIEW articles_text AS SELECT
                a.id AS id,
                a.title AS title,
                coalesce((SELECT group_concat(name, char(10)) FROM
                    (SELECT name FROM names WHERE article_id = a.id AND role = 'alias' ORDER BY rowid)), '') AS aliases,
                coalesce((SELECT group_concat(name, char(10)) FROM
                    (SELECT name FROM names WHERE article_id = a.id AND role = 'concern' ORDER BY rowid)), '') AS concerns,
                coalesce((SELECT group_concat(heading, char(10)) FROM
                    (SELECT heading FROM passages WHERE id BETWEEN a.first_passage AND a.last_passage ORDER BY id)), '') AS headings,
                coalesce((SELECT group_concat(text, char(10)) FROM
                    (SELECT text FROM passages WHERE id BETWEEN a.first_passage AND a.last_passage ORDER BY id)), '') AS body
            FROM articles a;
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, aliases, concerns, headings, body, content = 'articles_text', content_rowid = 'id',
                tokenize = '\(tokenizer)', detail = full
            );
            """)
        try createPassagesFTS(db)
        try TermTable.create(db)
        try PassageTermTable.create(db)
    }

    /// Creates `passages_fts` alone: in the index, and in the scratch file where a full
    /// build fills it (``ScratchPassageIndex``).
    static func createPassagesFTS(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE passages_fts USING fts5(
                heading, text, content = 'passages', content_rowid = 'id',
                tokenize = '\(tokenizer)', detail = full
            );
            """)
    }

    /// The plain tables in which FTS5 keeps `passages_fts`'s index
    /// (https://sqlite.org/fts5.html, "shadow tables"): with an external-content table,
    /// these hold all of it.
    static let passagesFTSShadowTables = ["passages_fts_data", "passages_fts_idx", "passages_fts_docsize", "passages_fts_config"]
}
