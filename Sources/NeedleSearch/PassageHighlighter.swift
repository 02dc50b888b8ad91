/// Chooses the passage of an article that best matches a query and cuts a snippet
/// from it with the matched phrases marked `[` … `]`.
///
/// Matching follows FTS5's rules (same tokenization, same Porter stems), so what is
/// marked is what FTS5 matched; it runs in Swift over the few passages of the hits,
/// instead of as one more FTS5 query per hit.
///
/// ```swift
/// let highlighter = PassageHighlighter(query: expanded)
/// let best = highlighter.bestPassage(among: passages)   // index, heading, "…like a [sunburn] for…"
/// ```
struct PassageHighlighter {
    /// A candidate passage: its heading (nil for the introduction) and plain text.
    struct Candidate {
        var heading: String?
        var text: String
    }

    /// The chosen passage and its snippet.
    struct Highlight: Equatable {
        var index: Int
        var heading: String?
        var snippet: String
        /// The share of the query's groups the heading matches (0…1).
        var headingScore: Double
    }

    /// A query phrase: the group it stands for, its stems as ids, and whether it is the
    /// user's own wording (rather than a name or synonym it was expanded to).
    private struct Phrase {
        var group: Int
        var stems: [Int]
        var isOriginal: Bool
    }

    /// One occurrence of a phrase in a text.
    private struct Match {
        var group: Int
        var tokens: Range<Int>
        var isOriginal: Bool
    }

    /// How much a match by an expansion counts against one by the user's own words.
    static let expansionWeight = 0.3
    /// How much more a match in a section's heading counts than one in its text.
    static let headingWeight = 1.5

    /// Words a snippet shows.
    let snippetTokens: Int
    /// How many groups the query has.
    private let groupCount: Int
    /// Every distinct stem of the query, numbered.
    private let stemIDs: [[UInt8]: Int]
    /// Phrases by the id of their first stem, longest first.
    private let phrasesByFirstStem: [[Phrase]]
    /// A bit for the first two bytes of every query stem (and for the first byte alone):
    /// tokens with other prefixes cannot stem to a query stem, since stemming only ever
    /// changes a word's end. A bitmap rather than a set: it is tested for every word.
    private let prefixes: PrefixBitmap

    init(query: ExpandedQuery, snippetTokens: Int = 24) {
        self.snippetTokens = snippetTokens
        groupCount = query.groups.count
        var stemIDs: [[UInt8]: Int] = [:]
        var phrases: [Int: [Phrase]] = [:]
        for (group, alternatives) in query.groups.enumerated() {
            for (index, alternative) in alternatives.alternatives.enumerated() {
                let stems = alternative.map { token -> Int in
                    let stem = PorterStemmer.stem(Array(token.utf8))
                    if let id = stemIDs[stem] { return id }
                    stemIDs[stem] = stemIDs.count
                    return stemIDs.count - 1
                }
                guard let first = stems.first else { continue }
                phrases[first, default: []].append(Phrase(group: group, stems: stems, isOriginal: index == 0))
            }
        }
        self.stemIDs = stemIDs
        phrasesByFirstStem = (0..<stemIDs.count).map { id in
            (phrases[id] ?? []).sorted { $0.stems.count > $1.stems.count }
        }
        var prefixes = PrefixBitmap()
        for stem in stemIDs.keys {
            prefixes.insert(UInt16(stem.first ?? 0) << 8 | UInt16(stem.count > 1 ? stem[1] : 0))
        }
        self.prefixes = prefixes
    }

    /// The best-matching candidate and its snippet, or nil when none matches.
    /// The user's own words count more than expansions, a heading more than text;
    /// ties go to the earlier passage.
    func bestPassage(among candidates: [Candidate]) -> Highlight? {
        var best: (index: Int, score: Double, heading: Double, text: TokenizedText, matches: [Match])?
        for (index, candidate) in candidates.enumerated() {
            let text = TokenizedText(candidate.text)
            let matches = self.matches(in: text)
            let heading = candidate.heading.map { self.score(self.matches(in: TokenizedText($0))) } ?? 0
            let score = self.score(matches) + Self.headingWeight * heading
            if score > 0, score > best?.score ?? 0 { best = (index, score, heading, text, matches) }
        }
        guard let best else { return nil }
        return Highlight(
            index: best.index, heading: candidates[best.index].heading, snippet: snippet(best.text, best.matches),
            headingScore: min(1, best.heading / Double(max(1, groupCount))))
    }

    /// The share of the query's groups that `text` (or `heading`) contains (0…1).
    func groupCoverage(of text: String, heading: String?) -> Double {
        var groups = Set(matches(in: TokenizedText(text)).map(\.group))
        if let heading { groups.formUnion(matches(in: TokenizedText(heading)).map(\.group)) }
        return Double(groups.count) / Double(max(1, groupCount))
    }

    private func matches(in text: TokenizedText) -> [Match] {
        let ids = stemIDs(of: text)
        var matches: [Match] = []
        var position = 0
        while position < ids.count {
            guard ids[position] >= 0 else {
                position += 1
                continue
            }
            let phrase = phrasesByFirstStem[ids[position]].first { phrase in
                position + phrase.stems.count <= ids.count
                    && phrase.stems.indices.allSatisfy { ids[position + $0] == phrase.stems[$0] }
            }
            if let phrase {
                matches.append(Match(group: phrase.group, tokens: position..<(position + phrase.stems.count), isOriginal: phrase.isOriginal))
                position += phrase.stems.count
            } else {
                position += 1
            }
        }
        return matches
    }

    /// For each token, the id of its stem, or -1 when it is no query stem.
    private func stemIDs(of text: TokenizedText) -> [Int] {
        var ids = [Int](repeating: -1, count: text.tokens.count)
        for position in ids.indices {
            let prefix = text.prefix(of: position)
            guard prefixes.contains(prefix) || prefixes.contains(prefix & 0xff00) else { continue }
            ids[position] = stemIDs[PorterStemmer.stem(text.folded(position))] ?? -1
        }
        return ids
    }

    /// Per distinct group matched: 1 for the user's own words, ``expansionWeight`` for an
    /// expansion only, plus a small bonus for repeats (at most four).
    private func score(_ matches: [Match]) -> Double {
        var groups: [Int: (weight: Double, count: Int)] = [:]
        for match in matches {
            let weight = match.isOriginal ? 1 : Self.expansionWeight
            let current = groups[match.group] ?? (0, 0)
            groups[match.group] = (max(current.weight, weight), current.count + 1)
        }
        return groups.values.reduce(0) { $0 + $1.weight + 0.1 * Double(min($1.count, 5) - 1) }
    }

    /// The window of `snippetTokens` words that scores best (as ``score(_:)`` does, so the
    /// user's own words draw the window), with each match marked and `…` where the text was cut.
    private func snippet(_ text: TokenizedText, _ matches: [Match]) -> String {
        let tokenCount = text.tokens.count
        var bestStart = 0
        var bestScore = -1.0
        for match in matches {
            let start = max(0, min(match.tokens.lowerBound - 3, tokenCount - snippetTokens))
            let window = start..<(start + snippetTokens)
            let score = self.score(matches.filter { window.contains($0.tokens.lowerBound) })
            if score > bestScore { (bestStart, bestScore) = (start, score) }
        }
        let end = min(tokenCount, bestStart + snippetTokens)
        let byteStart = bestStart == 0 ? 0 : text.tokens[bestStart].lowerBound
        let byteEnd = end == tokenCount ? text.bytes.count : punctuationEnd(text, after: text.tokens[end - 1].upperBound)
        var output: [UInt8] = bestStart == 0 ? [] : Array("…".utf8)
        var cursor = byteStart
        for match in matches where match.tokens.lowerBound >= bestStart && match.tokens.upperBound <= end {
            let from = text.tokens[match.tokens.lowerBound].lowerBound
            let to = text.tokens[match.tokens.upperBound - 1].upperBound
            output += text.bytes[cursor..<from]
            output.append(UInt8(ascii: "["))
            output += text.bytes[from..<to]
            output.append(UInt8(ascii: "]"))
            cursor = to
        }
        output += text.bytes[cursor..<byteEnd]
        if end < tokenCount { output += Array("…".utf8) }
        return String(decoding: output.map { $0 == 0x0a ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Keeps the ASCII punctuation right after the last word (a full stop, a bracket).
    private func punctuationEnd(_ text: TokenizedText, after index: Int) -> Int {
        var end = index
        while end < text.bytes.count, text.bytes[end] > 0x20, text.bytes[end] < 0x80,
              !TokenizedText.isASCIIAlphanumeric(text.bytes[end]) {
            end += 1
        }
        return end
    }
}

/// A set of 16-bit values as 65,536 bits.
private struct PrefixBitmap {
    private var words = [UInt64](repeating: 0, count: 1024)

    mutating func insert(_ value: UInt16) {
        words[Int(value >> 6)] |= 1 << UInt64(value & 63)
    }

    func contains(_ value: UInt16) -> Bool {
        words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
