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
        return ExpandedQuery(groups: meaningful.isEmpty ? groups : meaningful)
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
