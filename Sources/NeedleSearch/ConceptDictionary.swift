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
/// let dictionary = ConceptDictionary(articleNames: [["Microneedling", "PCI"]], synonyms: [])
/// dictionary.longestMatch(in: ["pci", "cost"], from: 0)  // length 1, alternatives [["microneedling"], ["pci"]]
/// ```
public struct ConceptDictionary: Sendable {
    /// A name found in a query and what it expands to.
    public struct Match: Sendable, Hashable {
        /// How many query tokens the name covers.
        public var length: Int
        /// Token lists of the names it expands to (the matched name itself included).
        public var alternatives: [[String]]
    }

    private var expansions: [String: [[String]]] = [:]
    /// The longest name, in tokens: no match is tried beyond it.
    public private(set) var longestName = 0

    /// - Parameters:
    ///   - articleNames: each article's names (title first, then aliases).
    ///   - synonyms: the rules of `synonyms.txt`.
    public init(articleNames: [[String]], synonyms: [SynonymRule]) {
        for names in articleNames {
            addEquivalents(names.map { TextNormalizer.tokens($0) })
        }
        for rule in synonyms {
            let terms = rule.terms.map { TextNormalizer.tokens($0) }
            switch rule.form {
            case .equivalent:
                addEquivalents(terms)
            case .oneWay:
                let targets = rule.targets.map { TextNormalizer.tokens($0) }
                for term in terms { add(key: term, alternatives: [term] + targets) }
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
            if let alternatives = expansions[key] {
                return Match(length: length, alternatives: alternatives)
            }
        }
        return nil
    }

    private mutating func addEquivalents(_ names: [[String]]) {
        for name in names { add(key: name, alternatives: names) }
    }

    private mutating func add(key name: [String], alternatives: [[String]]) {
        guard !name.isEmpty else { return }
        let key = TextNormalizer.matchKey(name)
        var merged = expansions[key] ?? []
        for alternative in alternatives where !alternative.isEmpty && !merged.contains(alternative) {
            merged.append(alternative)
        }
        expansions[key] = merged
        longestName = max(longestName, name.count)
    }
}
