/// A thing a query can name, with the name Needle reports and where it was defined.
///
/// Each article is a concept named by its title (`via` is its file); each line of
/// `synonyms.txt` is another (named by the term that is an article's title, else its
/// first term; `via` is `synonyms.txt:LINE`).
public struct Concept: Sendable, Hashable {
    /// Where a concept is defined.
    public enum Source: Sendable, Hashable {
        /// An article: its title and aliases.
        case article(slug: String)
        /// A line of equivalent terms in `synonyms.txt`.
        case equivalentSynonyms(line: Int)
        /// A one-way rule of `synonyms.txt`: a narrower term that also searches a broader one.
        case oneWaySynonyms(line: Int)
    }

    /// The name reported in `interpreted_as`: an article title or a synonym line's lead term.
    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }

    /// Where the concept comes from: `articles/microneedling.md` or `synonyms.txt:12`.
    public var via: String {
        switch source {
        case .article(let slug): "articles/\(slug).md"
        case .equivalentSynonyms(let line), .oneWaySynonyms(let line): "synonyms.txt:\(line)"
        }
    }
}

/// An article's names for the ``ConceptDictionary``: its title first, then its aliases.
public struct ArticleNames: Sendable, Hashable {
    public var slug: String
    public var names: [String]

    public init(slug: String, names: [String]) {
        self.slug = slug
        self.names = names
    }
}
