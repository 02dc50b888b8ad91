/// A thing a query can name, with the name Needle reports and where it was defined.
///
/// Each article is a concept named by its title (`via` is its file); each line of
/// `synonyms.txt` is another (named by the term that is an article's title, else its
/// first term; `via` is `synonyms.txt:LINE`).
public struct Concept: Sendable, Hashable {
    /// The name reported in `interpreted_as`: an article title or a synonym line's lead term.
    public var name: String
    /// Where the concept comes from: `articles/microneedling.md` or `synonyms.txt:12`.
    public var via: String

    public init(name: String, via: String) {
        self.name = name
        self.via = via
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
