/// What an existing index knows about one of its articles: enough to tell whether
/// the article's file changed since.
struct IndexedArticle: Sendable, Hashable {
    var id: Int64
    /// ``NeedleCorpus/ContentDigest`` hex of the file's bytes.
    var digest: String
    var path: String
}
