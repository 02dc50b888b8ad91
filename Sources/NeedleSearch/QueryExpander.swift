/// Turns a ``ParsedQuery`` into an ``ExpandedQuery`` using a ``ConceptDictionary``.
///
/// Names are found longest first ("skin needling" before "skin"), only where whole
/// words begin and end; quoted phrases are kept as typed. Stopwords are dropped
/// unless the query has nothing else.
///
/// ```swift
/// QueryExpander(dictionary: d).expand(ParsedQuery("skin needling cost"))
/// // groups: [skin needling | microneedling | pci | …], [cost]
/// ```
public struct QueryExpander: Sendable {
    public let dictionary: ConceptDictionary

    public init(dictionary: ConceptDictionary) {
        self.dictionary = dictionary
    }

    /// The most groups a query searches; the rest of a long query is listed as dropped.
    public static let maximumGroups = 32
    /// The most phrases one group searches: the user's own and the first names it expands to.
    public static let maximumAlternatives = 16
    /// The most phrases a query searches in all; past it, groups search only the user's own words.
    public static let maximumPhrases = 96

    public func expand(_ query: ParsedQuery) -> ExpandedQuery {
        var groups: [ExpandedQuery.Group] = []
        var run: [ParsedQuery.Segment] = []
        for segment in query.segments {
            if segment.isQuoted {
                groups += expand(run)
                run.removeAll()
                groups.append(ExpandedQuery.Group(original: segment.tokens, alternatives: [segment.tokens]))
            } else {
                run.append(segment)
            }
        }
        groups += expand(run)
        let meaningful = groups.filter { !($0.original.count == 1 && Stopwords.contains($0.original[0])) }
        return bounded(distinct(meaningful.isEmpty ? groups : meaningful), droppedTokens: query.dropped)
    }

    /// Each group once: a word repeated in a long message is one thing asked about.
    private func distinct(_ groups: [ExpandedQuery.Group]) -> [ExpandedQuery.Group] {
        var seen = Set<[String]>()
        return groups.filter { seen.insert($0.original).inserted }
    }

    /// At most ``maximumGroups`` groups, ``maximumAlternatives`` phrases per group and
    /// ``maximumPhrases`` in all, so a query's cost is bounded whatever its size.
    private func bounded(_ groups: [ExpandedQuery.Group], droppedTokens: [String]) -> ExpandedQuery {
        let kept = groups.prefix(Self.maximumGroups)
        var dropped = droppedTokens
        dropped += groups.dropFirst(Self.maximumGroups).map { $0.original.joined(separator: " ") }
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
    private func expand(_ run: [ParsedQuery.Segment]) -> [ExpandedQuery.Group] {
        let tokens = run.flatMap(\.tokens)
        var boundaries = Set<Int>()
        var position = 0
        for segment in run {
            boundaries.insert(position)
            position += segment.tokens.count
        }
        boundaries.insert(position)

        var groups: [ExpandedQuery.Group] = []
        var start = 0
        while start < tokens.count {
            let match = dictionary.longestMatch(in: tokens, from: start) { boundaries.contains(start + $0) }
            let length = match?.length ?? nextBoundary(after: start, in: boundaries) - start
            let original = Array(tokens[start..<(start + length)])
            var alternatives = [original]
            for alternative in match?.alternatives ?? [] where alternative != original {
                alternatives.append(alternative)
            }
            groups.append(ExpandedQuery.Group(original: original, alternatives: alternatives, concepts: match?.concepts ?? []))
            start += length
        }
        return groups
    }

    private func nextBoundary(after start: Int, in boundaries: Set<Int>) -> Int {
        var end = start + 1
        while !boundaries.contains(end) { end += 1 }
        return end
    }
}
