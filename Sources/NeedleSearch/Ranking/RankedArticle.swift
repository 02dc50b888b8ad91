/// An article a query matched, with the parts of its score.
struct RankedArticle: Sendable {
    /// The article as ``ArticleStore`` keeps it: its row, passages and their term ids.
    var stored: StoredArticle
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

    var id: Int64 { stored.id }
    var slug: String { stored.slug }
    var title: String { stored.title }
    var kind: String { stored.kind }
    var summary: String? { stored.summary }
    /// Its passages are the rows `firstPassage...lastPassage`.
    var passages: ClosedRange<Int64> { stored.passageIDs }
}
