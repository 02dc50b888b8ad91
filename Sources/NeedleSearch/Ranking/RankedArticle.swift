/// An article a query matched, with the parts of its score.
struct RankedArticle: Sendable {
    var id: Int64
    var slug: String
    var title: String
    var kind: String
    var summary: String?
    /// Its passages are the rows `firstPassage...lastPassage`.
    var passages: ClosedRange<Int64>
    /// FTS5 bm25, sign flipped so that higher is better.
    var bm25: Double
    /// `bm25` over the best bm25 among the re-scored candidates (0…1).
    var bm25Normalized = 0.0
    /// How strongly the query names this article, when it does.
    var nameEvidence: ArticleNameIndex.Evidence?
    /// The name share over the best name share among the candidates (0…1).
    var nameNormalized = 0.0
    /// The final score: higher is better.
    var score = 0.0
}
