/// A whole corpus: its articles and synonym rules, validated.
public struct Corpus: Sendable {
    public var articles: [Article]
    public var synonyms: [SynonymRule]
    /// A digest over every file's path and bytes: equal digests mean an unchanged corpus.
    public var digest: UInt64

    public init(articles: [Article], synonyms: [SynonymRule], digest: UInt64) {
        self.articles = articles
        self.synonyms = synonyms
        self.digest = digest
    }
}
