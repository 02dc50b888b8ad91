/// The knobs of ranking: bm25 column weights and how name evidence adds to them.
///
/// An article's score is `bm25 / best bm25 + nameMatch × name share / best name share`
/// over the candidates (see ``ArticleRanker``). Names dominate: a query that names an
/// article's subject (its title or an alias) must rank that article above articles
/// that only mention it in passing.
public struct RankingWeights: Sendable, Hashable {
    public var title = 10.0
    public var aliases = 8.0
    public var concerns = 4.0
    public var headings = 2.0
    public var body = 1.0
    /// How much naming an article counts against the best bm25.
    public var nameMatch = 1.5
    /// A name reached through an alias counts this much of a title.
    public var aliasName = 0.5
    /// A name reached through a synonym or another name counts this much of the user's own words.
    /// At most ``aliasName``: an article's title reached by expanding one of its aliases must
    /// not count more than the alias the user typed.
    public var synonymName = 0.4
    /// How many of the best bm25 candidates are re-scored with name evidence.
    public var rerankDepth = 50

    public init() {}

    /// The names of the FTS5 columns, in order.
    static let fieldNames = ["title", "aliases", "concerns", "headings", "body"]

    var columnWeights: [Double] { [title, aliases, concerns, headings, body] }

    /// `bm25(articles_fts, …)` with these weights, in column order.
    var articleRank: String {
        "bm25(articles_fts, \(columnWeights.map { "\($0)" }.joined(separator: ", ")))"
    }

    /// How a score is made, in words, for `explain`.
    var formula: String {
        "score = bm25_normalized + \(nameMatch) × name_match. bm25 weights title \(title), aliases \(aliases), "
            + "concerns \(concerns), headings \(headings), body \(body); the user's own phrases count twice. "
            + "name_match: the share of the query that is the article's title (1) or alias (\(aliasName)), "
            + "× synonym_weight (1 for the user's words, \(synonymName) through a synonym), over the best share."
    }

    /// bm25 of one column alone, with its weight (for explanations).
    func fieldRank(_ column: Int) -> String {
        let weights = columnWeights.indices.map { $0 == column ? columnWeights[$0] : 0 }
        return "bm25(articles_fts, \(weights.map { "\($0)" }.joined(separator: ", ")))"
    }
}
