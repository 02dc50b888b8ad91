/// bm25 column weights: how much a match in each field counts.
///
/// Names dominate: a query that names an article's subject (its title or an alias)
/// must rank that article above articles that only mention it in passing.
public struct RankingWeights: Sendable, Hashable {
    public var title = 10.0
    public var aliases = 8.0
    public var concerns = 4.0
    public var headings = 2.0
    public var body = 1.0

    public init() {}

    /// `bm25(articles_fts, …)` with these weights, in column order.
    var articleRank: String {
        "bm25(articles_fts, \(title), \(aliases), \(concerns), \(headings), \(body))"
    }
}
