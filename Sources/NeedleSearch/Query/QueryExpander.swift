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
        var terms: [QueryFocus.Term] = []
        var run: [ParsedQuery.Segment] = []
        for segment in query.segments {
            if segment.isQuoted {
                terms += expand(run, in: query)
                run.removeAll()
                let group = ExpandedQuery.Group(original: segment.tokens, alternatives: [segment.tokens])
                terms.append(QueryFocus.Term(group: group, inQuestion: query.isQuestion(segment)))
            } else {
                run.append(segment)
            }
        }
        terms += expand(run, in: query)
        let meaningful = terms.filter { !($0.group.original.count == 1 && Stopwords.contains($0.group.original[0])) }
        let (kept, dropped) = select(distinct(meaningful.isEmpty ? terms : meaningful), asks: !query.questionSentences.isEmpty)
        return bounded(kept, dropped: query.dropped + dropped.map { $0.original.joined(separator: " ") })
    }

    /// In a message, each term once, in a question if any of its uses is: a word the story
    /// repeats is one thing asked about. A short query keeps its repeats, which weigh the word more.
    private func distinct(_ terms: [QueryFocus.Term]) -> [QueryFocus.Term] {
        guard terms.count > focus?.budget ?? QueryFocus.budget else { return terms }
        var first: [[String]: Int] = [:]
        var distinct: [QueryFocus.Term] = []
        for term in terms {
            if let index = first[term.group.original] {
                distinct[index].inQuestion = distinct[index].inQuestion || term.inQuestion
            } else {
                first[term.group.original] = distinct.count
                distinct.append(term)
            }
        }
        return distinct
    }

    /// The terms searched and the terms dropped: ``focus``'s choice, within ``maximumGroups``.
    private func select(_ terms: [QueryFocus.Term], asks: Bool) -> (kept: [ExpandedQuery.Group], dropped: [ExpandedQuery.Group]) {
        let (kept, dropped) = focus?.select(terms, asks: asks) ?? (terms.map(\.group), [])
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

    /// Expands a run of unquoted segments, matching names across word boundaries.
    private func expand(_ run: [ParsedQuery.Segment], in query: ParsedQuery) -> [QueryFocus.Term] {
        let tokens = run.flatMap(\.tokens)
        var boundaries = Set<Int>()
        var inQuestion: [Bool] = []
        var position = 0
        for segment in run {
            boundaries.insert(position)
            position += segment.tokens.count
            inQuestion += Array(repeating: query.isQuestion(segment), count: segment.tokens.count)
        }
        boundaries.insert(position)

        var terms: [QueryFocus.Term] = []
        var start = 0
        while start < tokens.count {
            let match = dictionary.longestMatch(in: tokens, from: start) { boundaries.contains(start + $0) }
            let length = match?.length ?? nextBoundary(after: start, in: boundaries) - start
            let original = Array(tokens[start..<(start + length)])
            var alternatives = [original]
            for alternative in match?.alternatives ?? [] where alternative != original {
                alternatives.append(alternative)
            }
            let group = ExpandedQuery.Group(original: original, alternatives: alternatives, concepts: match?.concepts ?? [])
            terms.append(QueryFocus.Term(group: group, inQuestion: inQuestion[start]))
            start += length
        }
        return terms
    }

    private func nextBoundary(after start: Int, in boundaries: Set<Int>) -> Int {
        var end = start + 1
        while !boundaries.contains(end) { end += 1 }
        return end
    }
}
