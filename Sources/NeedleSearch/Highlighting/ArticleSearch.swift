import GRDB
import NeedleProtocol

/// One search: rank articles with ``ArticleRanker``, count them when needed, choose the
/// page's passages with ``HitPassages`` (each hit's best section and snippet, chosen by
/// ``PassageHighlighter`` from the articles ``ArticleStore`` keeps), and add facets and
/// explanations when asked.
struct ArticleSearch {
    let db: Database
    let ranker: ArticleRanker
    let query: ExpandedQuery
    let filter: SearchFilter
    let caches: IndexCaches

    /// Words of context a snippet shows around its matches.
    static let snippetTokens = 24

    init(db: Database, ranker: ArticleRanker, query: ExpandedQuery, filter: SearchFilter, caches: IndexCaches) {
        self.db = db
        self.ranker = ranker
        self.query = query
        self.filter = filter
        self.caches = caches
    }

    func run(_ request: SearchRequest) throws -> SearchResult {
        let (ranked, known) = try ranker.rank(query, filter: filter, count: request.offset + request.limit)
        let page = ranked.dropFirst(request.offset).prefix(request.limit)
        let total = try known ?? count()
        // Highlighting runs in Swift, out of the progress handler's sight.
        try QueryDeadline.check()
        let highlighter = try PassageHighlighter(query: query, snippetTokens: Self.snippetTokens, termIDs: termIDs)
        let passages = HitPassages.read(page.map(\.stored), highlighter: highlighter, tokenized: caches.passageTokens)
        let fields = request.explain ? try fieldScores(of: page.map(\.id)) : [:]
        let hits = page.enumerated().map { index, article in
            hit(article, highlight: passages.highlights[index], introduction: passages.introductions[index] ?? "",
                fields: request.explain ? fields[article.id] ?? [:] : nil)
        }
        return SearchResult(
            total: total, hits: hits, expanded: query.phrases, interpretedAs: query.interpretations, dropped: query.droppedWords,
            facets: request.facets ? try facets() : nil,
            explain: request.explain ? QueryExplanation(match: query.matchExpression, formula: ranker.weights.formula) : nil)
    }

    /// The index's term id of each of `stems` that passages hold.
    private func termIDs(_ stems: Set<String>) throws -> [String: UInt32] {
        try caches.termRows.rows(stems, in: db).compactMapValues { $0.id > 0 ? $0.id : nil }
    }

    private func count() throws -> Int {
        var arguments: StatementArguments = ["match": query.matchExpression]
        arguments += filter.arguments
        // Every articles_fts row is an article: the join is needed only to filter.
        let source = filter.isEmpty ? "articles_fts" : "articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FROM \(source)
            WHERE articles_fts MATCH :match \(filter.sql)
            """), arguments: arguments) ?? 0
    }

    private func hit(
        _ article: RankedArticle, highlight: PassageHighlighter.Highlight?, introduction: String, fields: [String: Double]?
    ) -> SearchHit {
        let explanation = fields.map { fields in
            ScoreExplanation(
                bm25: Self.rounded(article.bm25), bm25Normalized: Self.rounded(article.bm25Normalized), fields: fields,
                nameMatch: Self.rounded(article.nameNormalized), matchedName: article.nameEvidence?.name,
                synonymWeight: article.nameEvidence?.synonymWeight ?? 1, headingMatch: highlight?.headingScore ?? 0)
        }
        return SearchHit(
            slug: article.slug, title: article.title, kind: article.kind, score: Self.rounded(article.score),
            section: highlight?.heading,
            snippet: highlight?.snippet ?? fallbackSnippet(summary: article.summary, introduction: introduction),
            explain: explanation)
    }

    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }

    /// For a hit matched only by its names: the summary, or the start of the introduction.
    private func fallbackSnippet(summary: String?, introduction text: String) -> String {
        if let summary { return summary }
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(Self.snippetTokens).joined(separator: " ") + (words.count > Self.snippetTokens ? " …" : "")
    }

    /// bm25 of each field alone, per article.
    private func fieldScores(of ids: [Int64]) throws -> [Int64: [String: Double]] {
        guard !ids.isEmpty else { return [:] }
        let columns = RankingWeights.fieldNames.indices.map { ranker.weights.fieldRank($0) }.joined(separator: ", ")
        var scores: [Int64: [String: Double]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT rowid, \(columns) FROM articles_fts
            WHERE articles_fts MATCH ? AND rowid IN (\(ids.map(String.init).joined(separator: ",")))
            """, arguments: [query.matchExpression]) {
            var fields: [String: Double] = [:]
            for (index, name) in RankingWeights.fieldNames.enumerated() {
                fields[name] = Self.rounded(-(row[index + 1] as Double))
            }
            scores[row[0]] = fields
        }
        return scores
    }

    /// Counts of the whole result set (with the filter) by kind and by listed concern.
    private func facets() throws -> Facets {
        var arguments: StatementArguments = ["match": query.matchExpression]
        arguments += filter.arguments
        let matching = "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH :match \(filter.sql)"
        let kinds = try Row.fetchAll(db, sql: """
            SELECT kind, count(*) AS n FROM articles WHERE id IN (\(matching)) GROUP BY kind ORDER BY n DESC, kind
            """, arguments: arguments)
        let concerns = try Row.fetchAll(db, sql: """
            SELECT lower(name) AS concern, count(DISTINCT article_id) AS n FROM names
            WHERE role = 'concern' AND article_id IN (\(matching)) GROUP BY concern ORDER BY n DESC, concern LIMIT 50
            """, arguments: arguments)
        return Facets(
            kind: kinds.map { Facets.Count(value: $0[0], count: $0[1]) },
            concern: concerns.map { Facets.Count(value: $0[0], count: $0[1]) })
    }
}
