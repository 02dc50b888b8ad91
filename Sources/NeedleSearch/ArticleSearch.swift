import GRDB
import NeedleProtocol

/// The SQL of one search: rank articles, count them, and pick each hit's best section.
struct ArticleSearch {
    let db: Database
    let weights: RankingWeights
    let query: ExpandedQuery
    let kind: String?

    /// Words of context a snippet shows around its matches.
    static let snippetTokens = 24

    func run(limit: Int, offset: Int) throws -> SearchResult {
        let match = query.matchExpression
        let kindClause = kind == nil ? "" : "AND a.kind = :kind"
        var arguments: StatementArguments = ["match": match, "limit": limit, "offset": offset]
        if let kind { arguments += ["kind": kind] }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.slug, a.title, a.kind, a.summary, a.first_passage, a.last_passage, \(weights.articleRank) AS score
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH :match \(kindClause)
            ORDER BY score LIMIT :limit OFFSET :offset
            """), arguments: arguments)
        let total = rows.count < limit && (offset == 0 || !rows.isEmpty)
            ? offset + rows.count
            : try count(match: match, kindClause: kindClause, arguments: arguments)
        let hits = try rows.map(hit)
        return SearchResult(total: total, hits: hits, expanded: query.phrases)
    }

    private func count(match: String, kindClause: String, arguments: StatementArguments) throws -> Int {
        var countArguments: StatementArguments = ["match": match]
        if let kind { countArguments += ["kind": kind] }
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH :match \(kindClause)
            """), arguments: countArguments) ?? 0
    }

    private func hit(_ row: Row) throws -> SearchHit {
        let section = try bestSection(first: row["first_passage"], last: row["last_passage"])
        let score: Double = row["score"]
        let snippet = try section?.snippet ?? fallbackSnippet(summary: row["summary"], first: row["first_passage"])
        return SearchHit(
            slug: row["slug"], title: row["title"], kind: row["kind"],
            score: (-score * 1000).rounded() / 1000,
            section: section?.heading,
            snippet: snippet)
    }

    /// The best-matching passage of an article (passage ids `first...last`) and its snippet.
    ///
    /// The best passage is chosen first and the snippet made for it alone: a snippet
    /// computed in the ranking query would be built for every matching passage.
    private func bestSection(first: Int64, last: Int64) throws -> (heading: String?, snippet: String)? {
        let match = query.matchExpression
        guard let best = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?
            ORDER BY \(weights.passageRank) LIMIT 1
            """), arguments: [match, first, last])
        else { return nil }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT heading, snippet(passages_fts, 1, '[', ']', '…', \(Self.snippetTokens))
            FROM passages_fts WHERE passages_fts MATCH ? AND rowid = ?
            """), arguments: [match, best])
        else { return nil }
        let heading: String = row[0]
        return (heading.isEmpty ? nil : heading, row[1])
    }

    /// For a hit matched only by its names: the summary, or the start of the introduction.
    private func fallbackSnippet(summary: String?, first: Int64) throws -> String {
        if let summary { return summary }
        let text = try String.fetchOne(db, sql: "SELECT text FROM passages WHERE id = ?", arguments: [first]) ?? ""
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(Self.snippetTokens).joined(separator: " ") + (words.count > Self.snippetTokens ? " …" : "")
    }
}
