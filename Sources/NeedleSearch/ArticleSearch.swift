import GRDB
import NeedleProtocol

/// One search: rank articles with FTS5, count them when needed, and pick each hit's
/// best section and snippet with ``PassageHighlighter``.
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
            : try count(match: match, kindClause: kindClause)
        let highlighter = PassageHighlighter(query: query, snippetTokens: Self.snippetTokens)
        let hits = try rows.map { try hit($0, highlighter: highlighter) }
        return SearchResult(total: total, hits: hits, expanded: query.phrases)
    }

    private func count(match: String, kindClause: String) throws -> Int {
        var countArguments: StatementArguments = ["match": match]
        if let kind { countArguments += ["kind": kind] }
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH :match \(kindClause)
            """), arguments: countArguments) ?? 0
    }

    private func hit(_ row: Row, highlighter: PassageHighlighter) throws -> SearchHit {
        let first: Int64 = row["first_passage"]
        let passages = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT heading, text FROM passages WHERE id BETWEEN ? AND ? ORDER BY id"),
            arguments: [first, row["last_passage"]]
        ).map { PassageHighlighter.Candidate(heading: $0[0], text: $0[1]) }
        let highlight = highlighter.bestPassage(among: passages)
        let score: Double = row["score"]
        return SearchHit(
            slug: row["slug"], title: row["title"], kind: row["kind"],
            score: (-score * 1000).rounded() / 1000,
            section: highlight?.heading,
            snippet: highlight?.snippet ?? fallbackSnippet(summary: row["summary"], introduction: passages.first?.text ?? ""))
    }

    /// For a hit matched only by its names: the summary, or the start of the introduction.
    private func fallbackSnippet(summary: String?, introduction text: String) -> String {
        if let summary { return summary }
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(Self.snippetTokens).joined(separator: " ") + (words.count > Self.snippetTokens ? " …" : "")
    }
}
