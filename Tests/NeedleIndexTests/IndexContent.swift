import GRDB
import NeedleIndex

/// Everything an index holds, keyed by slug and ordinal instead of row ids, so an
/// incremental build and a full build of the same corpus compare equal.
struct IndexContent: Equatable, CustomStringConvertible {
    var meta: [String: String]
    var articles: [String: [String?]]
    var passages: [String: [[String?]]]
    var names: [String: [[String]]]
    var synonymTerms: [[String]]
    var articleText: [String: [String]]
    var passageText: [String: [[String]]]
    var matches: [String: Set<String>]

    static let probes = ["acne", "scars", "collagen", "sunscreen", "peel", "retinol", "vitamin"]

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        self = try queue.inDatabase { db in try IndexContent(db) }
    }

    private init(_ db: Database) throws {
        meta = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key <> 'built_at'") { meta[row[0]] = row[1] }
        articles = [:]
        for row in try Row.fetchAll(db, sql: "SELECT slug, title, kind, summary, path, digest FROM articles") {
            articles[row[0]] = [row[1], row[2], row[3], row[4], row[5]]
        }
        passages = try Self.grouped(db, sql: """
            SELECT a.slug, p.heading, p.parent, CAST(p.level AS TEXT), p.text FROM passages p JOIN articles a ON a.id = p.article_id
            ORDER BY p.ordinal
            """)
        names = try Self.grouped(db, sql: "SELECT a.slug, n.role, n.name FROM names n JOIN articles a ON a.id = n.article_id ORDER BY n.rowid")
            .mapValues { $0.map { $0.compactMap { $0 } } }
        synonymTerms = try Row.fetchAll(db, sql: "SELECT line, form, side, term FROM synonym_terms ORDER BY rowid")
            .map { ["\($0[0] as Int)", $0[1], $0[2], $0[3]] }
        articleText = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.slug, f.title, f.aliases, f.concerns, f.headings, f.body FROM articles_fts f JOIN articles a ON a.id = f.rowid
            """) {
            articleText[row[0]] = [row[1], row[2], row[3], row[4], row[5]]
        }
        passageText = try Self.grouped(db, sql: """
            SELECT a.slug, f.heading, f.text FROM passages_fts f JOIN passages p ON p.id = f.rowid
            JOIN articles a ON a.id = p.article_id ORDER BY p.ordinal
            """).mapValues { $0.map { $0.compactMap { $0 } } }
        matches = [:]
        for probe in Self.probes {
            let slugs = try String.fetchAll(db, sql: """
                SELECT a.slug FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?
                UNION ALL
                SELECT 'passage:' || a.slug || ':' || p.ordinal FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid
                JOIN articles a ON a.id = p.article_id WHERE passages_fts MATCH ?
                """, arguments: [probe, probe])
            matches[probe] = Set(slugs)
        }
        try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')")
    }

    /// Rows of `sql` whose first column is a slug, grouped by it in row order.
    private static func grouped(_ db: Database, sql: String) throws -> [String: [[String?]]] {
        var groups: [String: [[String?]]] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            let values: [String?] = (1..<row.count).map { row[$0] }
            groups[row[0], default: []].append(values)
        }
        return groups
    }

    var description: String {
        "\(articles.count) articles, \(passages.values.map(\.count).reduce(0, +)) passages, \(synonymTerms.count) synonym terms"
    }
}
