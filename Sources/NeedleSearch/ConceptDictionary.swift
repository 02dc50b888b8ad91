import NeedleCorpus

/// Names that mean the same thing, for expanding queries.
///
/// Each article is a concept whose names are its title and aliases; each line of
/// `synonyms.txt` is another. Looking up a name yields the names of every concept
/// it belongs to (one hop: concepts are not merged transitively, so one ambiguous
/// name cannot chain unrelated concepts together). A one-way rule `a => b` adds `b`
/// to a query for `a`, never the reverse.
///
/// ```swift
/// let dictionary = ConceptDictionary(articles: [ArticleNames(slug: "microneedling", names: ["Microneedling", "PCI"])], synonyms: [])
/// dictionary.longestMatch(in: ["pci", "cost"], from: 0)
/// // length 1, alternatives [["microneedling"], ["pci"]], concepts [Microneedling via articles/microneedling.md]
/// ```
public struct ConceptDictionary: Sendable {
    /// A name found in a query and what it expands to.
    public struct Match: Sendable, Hashable {
        /// How many query tokens the name covers.
        public var length: Int
        /// Token lists of the names it expands to (the matched name itself included).
        public var alternatives: [[String]]
        /// The concepts the name belongs to; more than one distinct name means it is ambiguous.
        public var concepts: [Concept]
    }

    private struct Entry {
        var alternatives: [[String]] = []
        var concepts: [Concept] = []
    }

    private var entries: [String: Entry] = [:]
    /// The longest name, in tokens: no match is tried beyond it.
    public private(set) var longestName = 0

    /// - Parameters:
    ///   - articles: each article's names (title first, then aliases).
    ///   - synonyms: the rules of `synonyms.txt`.
    public init(articles: [ArticleNames], synonyms: [SynonymRule]) {
        var titles: [String: String] = [:]
        for article in articles {
            guard let title = article.names.first else { continue }
            titles[TextNormalizer.matchKey(TextNormalizer.tokens(title))] = title
            let concept = Concept(name: title, source: .article(slug: article.slug))
            add(equivalents: article.names.map { TextNormalizer.tokens($0) }, concept: concept)
        }
        for rule in synonyms {
            let terms = rule.terms.map { TextNormalizer.tokens($0) }
            switch rule.form {
            case .equivalent:
                let title = terms.lazy.compactMap { titles[TextNormalizer.matchKey($0)] }.first
                add(equivalents: terms, concept: Concept(name: title ?? rule.terms.first ?? "", source: .equivalentSynonyms(line: rule.line)))
            case .oneWay:
                let targets = rule.targets.map { TextNormalizer.tokens($0) }
                let title = targets.lazy.compactMap { titles[TextNormalizer.matchKey($0)] }.first
                let concept = Concept(name: title ?? rule.targets.first ?? "", source: .oneWaySynonyms(line: rule.line))
                for term in terms { add(key: term, alternatives: [term] + targets, concept: concept) }
            }
        }
    }

    /// The longest name that starts at `tokens[start]`, if any, among the lengths
    /// that `acceptsLength` allows (for example, names that end where a word ends).
    public func longestMatch(
        in tokens: [String], from start: Int, acceptsLength: (Int) -> Bool = { _ in true }
    ) -> Match? {
        let limit = min(longestName, tokens.count - start)
        guard limit > 0 else { return nil }
        for length in stride(from: limit, through: 1, by: -1) where acceptsLength(length) {
            let key = TextNormalizer.matchKey(tokens[start..<(start + length)])
            if let entry = entries[key] {
                return Match(length: length, alternatives: entry.alternatives, concepts: entry.concepts)
            }
        }
        return nil
    }

    private mutating func add(equivalents names: [[String]], concept: Concept) {
        for name in names { add(key: name, alternatives: names, concept: concept) }
    }

    private mutating func add(key name: [String], alternatives: [[String]], concept: Concept) {
        guard !name.isEmpty else { return }
        let key = TextNormalizer.matchKey(name)
        var entry = entries[key] ?? Entry()
        for alternative in alternatives where !alternative.isEmpty && !entry.alternatives.contains(alternative) {
            entry.alternatives.append(alternative)
        }
        if !entry.concepts.contains(concept) { entry.concepts.append(concept) }
        entries[key] = entry
        longestName = max(longestName, name.count)
    }
}
