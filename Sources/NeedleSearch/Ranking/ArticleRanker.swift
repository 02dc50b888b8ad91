import GRDB

/// Ranks the articles that match a query: bm25 finds and orders candidates, then the best
/// ``RankingWeights/rerankDepth`` of them are re-scored with name evidence from
/// ``ArticleNameIndex``.
///
/// Without a filter, bm25 comes from the index's stored postings (``ArticleMatches``),
/// which also gives the exact number of matches; with a filter, FTS5 computes it over the
/// rows the filter keeps. Both give the scores of `bm25(articles_fts, …)`.
///
/// The re-scored window is fixed, so paging through results never repeats or skips an
/// article: positions past the window keep bm25 order.
struct ArticleRanker {
    let db: Database
    let weights: RankingWeights
    let names: ArticleNameIndex
    let terms: IndexTerms
    /// Where the returned articles' rows are read from (kept in memory once read).
    let store: ArticleStore

    /// The best `count` articles, best first (the re-scored window is ranked whole, but only
    /// the `articles` rows of those returned are read), and how many articles match when that
    /// is known without counting them (`nil` otherwise).
    func rank(_ query: ExpandedQuery, filter: SearchFilter, count: Int) throws -> (articles: [RankedArticle], total: Int?) {
        let depth = max(weights.rerankDepth, count)
        let evidence = names.evidence(for: query, weights: weights)
        let fetched: [(id: Int64, bm25: Double)]
        let extras: [(id: Int64, bm25: Double)]
        let total: Int?
        if filter.isEmpty {
            let matches = try ArticleMatches.find(query, terms: terms, weights: weights.columnWeights, in: db)
            fetched = matches.best(depth)
            extras = Self.missingNames(evidence, excluding: Set(fetched.map(\.id))).compactMap { id in
                matches.score(of: id).map { (id: id, bm25: $0) }
            }.sorted(by: ArticleMatches.precedes)
            total = matches.count
        } else {
            fetched = try fetch(query, filter: filter, limit: depth)
            let complete = fetched.count < depth
            let missing = complete ? [] : Self.missingNames(evidence, excluding: Set(fetched.map(\.id)))
            extras = missing.isEmpty ? [] : try fetch(query, filter: filter, limit: missing.count, ids: missing)
            total = complete ? fetched.count : nil
        }
        let window = min(fetched.count, weights.rerankDepth)
        let order = rescore(Array(fetched[..<window]) + extras, evidence: evidence) + fetched[window...].map { Scored(id: $0.id, bm25: $0.bm25) }
        return (try articles(Array(order.prefix(count))), total)
    }

    /// A candidate's score and its parts, before its `articles` row is read.
    private struct Scored {
        var id: Int64
        var bm25: Double
        var bm25Normalized = 0.0
        var nameEvidence: ArticleNameIndex.Evidence?
        var nameNormalized = 0.0
        var score = 0.0
    }

    /// Articles the query names that bm25 left out of the window (a long article named by
    /// the query), most named first, equal shares by id (not by the dictionary's order,
    /// which changes from one process to the next), at most 20.
    private static func missingNames(_ evidence: [Int64: ArticleNameIndex.Evidence], excluding: Set<Int64>) -> [Int64] {
        evidence.filter { !excluding.contains($0.key) }
            .sorted { $0.value.share > $1.value.share || ($0.value.share == $1.value.share && $0.key < $1.key) }
            .prefix(20).map(\.key)
    }

    /// The best `limit` matches that pass `filter`, in bm25 order, computed by FTS5 (ties
    /// keep rowid order, in which FTS5 visits matches). An id list constrains
    /// `articles_fts.rowid`, which FTS5 seeks to, rather than scanning every match.
    private func fetch(_ query: ExpandedQuery, filter: SearchFilter, limit: Int, ids: [Int64] = []) throws -> [(id: Int64, bm25: Double)] {
        var arguments: StatementArguments = ["match": query.matchExpression, "limit": limit]
        arguments += filter.arguments
        let idClause = ids.isEmpty ? "" : "AND articles_fts.rowid IN (\(ids.map(String.init).joined(separator: ",")))"
        let sql = """
            SELECT articles_fts.rowid, \(weights.articleRank) AS rank FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH :match \(filter.sql) \(idClause)
            ORDER BY rank LIMIT :limit
            """
        // An id list makes the SQL one of a kind: caching it would only fill the cache.
        let statement = ids.isEmpty ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: arguments).map { (id: $0[0] as Int64, bm25: -($0[1] as Double)) }
    }

    /// The scored ids' articles, in the same order, from ``ArticleStore``.
    private func articles(_ scored: [Scored]) throws -> [RankedArticle] {
        guard !scored.isEmpty else { return [] }
        let rows = try store.articles(scored.map(\.id), in: db)
        return scored.compactMap { match in
            rows[match.id].map { stored in
                RankedArticle(
                    stored: stored, bm25: match.bm25, bm25Normalized: match.bm25Normalized,
                    nameEvidence: match.nameEvidence, nameNormalized: match.nameNormalized, score: match.score)
            }
        }
    }

    /// Scores the candidates: bm25 and name share, each over its best among them.
    private func rescore(_ candidates: [(id: Int64, bm25: Double)], evidence: [Int64: ArticleNameIndex.Evidence]) -> [Scored] {
        let bestBM25 = candidates.map(\.bm25).max() ?? 0
        let bestShare = candidates.compactMap { evidence[$0.id]?.share }.max() ?? 0
        return candidates.map { candidate in
            var article = Scored(id: candidate.id, bm25: candidate.bm25)
            article.bm25Normalized = bestBM25 > 0 ? article.bm25 / bestBM25 : 0
            article.nameEvidence = evidence[article.id]
            article.nameNormalized = bestShare > 0 ? (article.nameEvidence?.share ?? 0) / bestShare : 0
            article.score = article.bm25Normalized + weights.nameMatch * article.nameNormalized
            return article
        }.sorted { ($0.score, $0.bm25) > ($1.score, $1.bm25) }
    }
}
