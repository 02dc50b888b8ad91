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

    /// Where a name leads: the alternative lists and concepts added under it, in the order
    /// they were added. Most names have one pair, kept inline; the rest spill into `overflow`.
    /// Lists and concepts are stored once each and shared by all their names.
    fileprivate struct Entry {
        var list: Int32
        var concept: Int32
        /// Index into `overflow` of the further pairs, or -1.
        var more: Int32 = -1
    }

    private var entries: [String: Entry] = [:]
    /// Token lists of names that expand to each other: one per article, per equivalent rule, per one-way term.
    private var lists: [[[String]]] = []
    private var concepts: [Concept] = []
    private var overflow: [[(list: Int32, concept: Int32)]] = []
    /// The longest name, in tokens: no match is tried beyond it.
    public private(set) var longestName = 0
    /// The longest name that begins with each first word (by match key): a word no name
    /// begins with is passed over with one lookup, so a long message costs one lookup a
    /// word rather than one key per word and possible name length.
    private var longestByFirstWord: [String: Int] = [:]
    /// The keys of the first words of every name, short of the whole name: a name is looked
    /// for one word further only while the words so far begin one.
    private var namePrefixes: Set<String> = []

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
                let concept = register(Concept(name: title ?? rule.targets.first ?? "", source: .oneWaySynonyms(line: rule.line)))
                for term in terms { add(key: term, list: register([term] + targets), concept: concept) }
            }
        }
    }

    /// A name found in a query, before what it expands to is worked out (``match(_:)``): a long
    /// message looks names up at every word but expands only those of the terms it keeps.
    struct Name {
        /// How many query tokens the name covers.
        let length: Int
        fileprivate let entry: Entry
    }

    /// The longest name that starts at `tokens[start]`, if any, among the lengths
    /// that `acceptsLength` allows (for example, names that end where a word ends).
    public func longestMatch(
        in tokens: [String], from start: Int, acceptsLength: (Int) -> Bool = { _ in true }
    ) -> Match? {
        guard start < tokens.count else { return nil }
        let keys = tokens[start..<min(tokens.count, start + max(1, longestName))].map { TextNormalizer.matchKey(CollectionOfOne($0)) }
        return longestName(keys: keys, from: 0, acceptsLength: acceptsLength).map(match)
    }

    /// The longest name whose words' match keys (``QueryWord/key``) start at `keys[start]` and
    /// end before `end`, among the lengths `acceptsLength` allows.
    func longestName(
        keys: [String], from start: Int, before end: Int? = nil, acceptsLength: (Int) -> Bool
    ) -> Name? {
        let end = min(end ?? keys.count, keys.count)
        guard start < end, let longest = longestByFirstWord[keys[start]] else { return nil }
        var found: Name?
        var key = keys[start]
        for length in 1...min(longest, end - start) {
            if length > 1 {
                guard namePrefixes.contains(key) else { break }
                key += " " + keys[start + length - 1]
            }
            if acceptsLength(length), let entry = entries[key] { found = Name(length: length, entry: entry) }
        }
        return found
    }

    /// What a name found by ``longestName(keys:from:before:acceptsLength:)`` expands to.
    func match(_ name: Name) -> Match {
        match(name.entry, length: name.length)
    }

    /// The union of the entry's lists (each name once, in order) and its distinct concepts.
    private func match(_ entry: Entry, length: Int) -> Match {
        var pairs = [(list: entry.list, concept: entry.concept)]
        if entry.more >= 0 { pairs += overflow[Int(entry.more)] }
        var alternatives: [[String]] = []
        var found: [Concept] = []
        for pair in pairs {
            for alternative in lists[Int(pair.list)] where !alternatives.contains(alternative) { alternatives.append(alternative) }
            let concept = concepts[Int(pair.concept)]
            if !found.contains(concept) { found.append(concept) }
        }
        return Match(length: length, alternatives: alternatives, concepts: found)
    }

    private mutating func add(equivalents names: [[String]], concept: Concept) {
        let (list, concept) = (register(names), register(concept))
        for name in names { add(key: name, list: list, concept: concept) }
    }

    private mutating func register(_ alternatives: [[String]]) -> Int32 {
        lists.append(alternatives.filter { !$0.isEmpty })
        return Int32(lists.count - 1)
    }

    private mutating func register(_ concept: Concept) -> Int32 {
        concepts.append(concept)
        return Int32(concepts.count - 1)
    }

    private mutating func add(key name: [String], list: Int32, concept: Int32) {
        guard !name.isEmpty else { return }
        let key = TextNormalizer.matchKey(name)
        if var entry = entries[key] {
            if entry.more < 0 {
                entry.more = Int32(overflow.count)
                overflow.append([])
                entries[key] = entry
            }
            overflow[Int(entry.more)].append((list, concept))
        } else {
            entries[key] = Entry(list: list, concept: concept)
        }
        longestName = max(longestName, name.count)
        for length in 1..<name.count { namePrefixes.insert(TextNormalizer.matchKey(name[..<length])) }
        let first = TextNormalizer.matchKey(CollectionOfOne(name[0]))
        longestByFirstWord[first] = max(longestByFirstWord[first] ?? 0, name.count)
    }
}
