/// Turns a ``ParsedQuery`` into an ``ExpandedQuery`` using a ``ConceptDictionary``.
///
/// Names are found longest first ("skin needling" before "skin"), only where whole
/// words begin and end; quoted phrases are kept as typed. Stopwords are dropped
/// unless the query has nothing else. A long message is searched by the terms that carry its
/// subject (``QueryFocus``); the others are listed as dropped.
///
/// ```swift
/// QueryExpander(dictionary: d).expand(ParsedQuery("skin needling cost"))
/// // groups: [skin needling | microneedling | pci | …], [cost]
/// ```
public struct QueryExpander: Sendable {
    public let dictionary: ConceptDictionary
    /// Chooses the terms of a long message; without one, the first terms are kept.
    public let focus: QueryFocus?

    public init(dictionary: ConceptDictionary, focus: QueryFocus? = nil) {
        self.dictionary = dictionary
        self.focus = focus
    }

    /// The same expander keeping at most `budget` terms of a long message (see ``QueryFocus``).
    public func keeping(_ budget: Int) -> QueryExpander {
        QueryExpander(dictionary: dictionary, focus: focus?.keeping(budget))
    }

    /// The most groups a query searches; the rest of a long query is listed as dropped.
    public static let maximumGroups = 32
    /// The most phrases one group searches: the user's own and the first names it expands to.
    public static let maximumAlternatives = 128
    /// The most phrases a query searches in all; past it, groups search only the user's own words.
    public static let maximumPhrases = 256

    public func expand(_ query: ParsedQuery) -> ExpandedQuery {
        let words = query.words
        let terms = self.terms(of: query)
        let meaningful = terms.filter { !($0.end - $0.start == 1 && words[$0.start].isStopword) }
        let (kept, dropped) = select(distinct(meaningful.isEmpty ? terms : meaningful, of: words), of: words, asks: !query.questionSentences.isEmpty)
        let droppedWords = dropped.map { phrase(of: $0, in: words) }
        return bounded(kept.map { group(for: $0, of: words) }, dropped: query.dropped + droppedWords)
    }

    /// The query's terms in order: each quoted phrase, and in each run of unquoted segments,
    /// the longest names where whole words begin and end, and the segments' other words.
    private func terms(of query: ParsedQuery) -> [QueryFocus.Term] {
        let keys = query.words.map(\.key)
        // Per word: whether a segment begins there (or the words end), whether it is quoted or
        // in a question, and where its run of unquoted segments ends (names may span a run).
        var boundaries = [Bool](repeating: false, count: keys.count + 1)
        var quoted: [Bool] = []
        var inQuestion: [Bool] = []
        for segment in query.segments {
            boundaries[quoted.count] = true
            quoted += repeatElement(segment.isQuoted, count: segment.tokens.count)
            inQuestion += repeatElement(query.isQuestion(segment), count: segment.tokens.count)
        }
        boundaries[keys.count] = true
        var runEnds = [Int](repeating: keys.count, count: keys.count)
        for position in keys.indices.reversed() where position + 1 < keys.count {
            runEnds[position] = quoted[position + 1] != quoted[position] || quoted[position] ? position + 1 : runEnds[position + 1]
        }

        var terms: [QueryFocus.Term] = []
        var start = 0
        while start < keys.count {
            let name = quoted[start] ? nil : dictionary.longestName(keys: keys, from: start, before: runEnds[start]) { boundaries[start + $0] }
            let end = name.map { start + $0.length } ?? ((start + 1)...).first { boundaries[$0] }!
            terms.append(QueryFocus.Term(start: start, end: end, name: name, inQuestion: inQuestion[start]))
            start = end
        }
        return terms
    }

    /// The term as searched: the user's own tokens and, for a name, the names it expands to.
    private func group(for term: QueryFocus.Term, of words: [QueryWord]) -> ExpandedQuery.Group {
        let original = words[term.range].map(\.text)
        guard let name = term.name else {
            var group = ExpandedQuery.Group(original: original, alternatives: [original])
            group.readAsName = term.readAsName
            return group
        }
        let match = dictionary.match(name)
        var group = ExpandedQuery.Group(original: original, alternatives: [original] + match.alternatives.filter { $0 != original }, concepts: match.concepts)
        group.readAsName = term.readAsName
        return group
    }

    /// In a message, each term once, in a question if any of its uses is: a word the story
    /// repeats is one thing asked about. A short query keeps its repeats, which weigh the word more.
    private func distinct(_ terms: [QueryFocus.Term], of words: [QueryWord]) -> [QueryFocus.Term] {
        guard terms.count > focus?.budget ?? QueryFocus.budget else { return terms }
        var first = [String: Int](minimumCapacity: terms.count)
        var distinct: [QueryFocus.Term] = []
        distinct.reserveCapacity(terms.count)
        for term in terms {
            // Tokens have no spaces, so their phrase tells terms apart.
            let key = phrase(of: term, in: words)
            if let index = first[key] {
                distinct[index].inQuestion = distinct[index].inQuestion || term.inQuestion
            } else {
                first[key] = distinct.count
                distinct.append(term)
            }
        }
        return distinct
    }

    /// The term's tokens joined by spaces: as `dropped` lists it.
    private func phrase(of term: QueryFocus.Term, in words: [QueryWord]) -> String {
        term.end - term.start == 1 ? words[term.start].text : words[term.range].map(\.text).joined(separator: " ")
    }

    /// The terms searched and the terms dropped: ``focus``'s choice, within ``maximumGroups``.
    private func select(_ terms: [QueryFocus.Term], of words: [QueryWord], asks: Bool) -> (kept: [QueryFocus.Term], dropped: [QueryFocus.Term]) {
        let (kept, dropped) = focus?.select(terms, of: words, asks: asks) ?? (terms, [])
        return (Array(kept.prefix(Self.maximumGroups)), Array(kept.dropFirst(Self.maximumGroups)) + dropped)
    }

    /// At most ``maximumGroups`` groups, ``maximumAlternatives`` phrases per group and
    /// ``maximumPhrases`` in all, so a query's cost is bounded whatever its size.
    private func bounded(_ kept: [ExpandedQuery.Group], dropped: [String]) -> ExpandedQuery {
        var phrases = 0
        let trimmed = kept.enumerated().map { index, group in
            var group = group
            // Every later group keeps at least its own phrase.
            let room = Self.maximumPhrases - phrases - (kept.count - index - 1)
            group.alternatives = Array(group.alternatives.prefix(max(1, min(Self.maximumAlternatives, room))))
            phrases += group.alternatives.count
            return group
        }
        return ExpandedQuery(groups: trimmed, dropped: dropped)
    }
}
