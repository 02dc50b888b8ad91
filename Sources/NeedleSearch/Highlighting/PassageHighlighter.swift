/// Chooses the passage of an article that best matches a query and cuts a snippet
/// from it with the matched phrases marked `[` … `]`.
///
/// Matching follows FTS5's tokens: a hit's passages are read as the term ids the index
/// stores for each token (``NeedleIndex/PassageTerms``), so choosing a passage compares
/// integers; only the chosen passage's text is cut into tokens, to place the marks. Text
/// without stored ids is matched by tokenizing and Porter-stemming it, FTS5's rules; so are
/// the marks of a chosen passage whose text the Swift tokenizer cuts into a different
/// number of tokens than FTS5 did.
///
/// ```swift
/// let highlighter = try PassageHighlighter(query: expanded) { stems in try ids(stems) }   // stem → terms.id
/// let choice = highlighter.bestPassage(of: article)                     // index of the best, its matches
/// let best = highlighter.highlight(choice!, heading: "Aftercare", text: TokenizedText(text))   // "…like a [sunburn] for…"
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

    /// The passage chosen among candidates, before its text is read.
    struct Choice {
        var index: Int
        var score: Double
        /// The heading's score (groups matched).
        var heading: Double
        /// The matches in the text, by token position.
        fileprivate var matches: [Match]
        /// How many tokens the text has, as the matches count them.
        var textTokens: Int
    }

    /// A query phrase: the group it stands for, its stems as ids, and whether it is the
    /// user's own wording (rather than a name or synonym it was expanded to).
    private struct Phrase {
        var group: Int
        var stems: [Int]
        var isOriginal: Bool
    }

    /// One occurrence of a phrase in a text.
    fileprivate struct Match {
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
    /// The index's term id of each query stem, by stem id (0 when the index has none).
    private let indexIDs: [UInt32]
    /// The index's term ids of the query's stems that passages hold.
    let termIDs: [UInt32]
    /// A bit per index term id modulo ``TermIDMask/bits`` of `indexIDs`: most tokens are no
    /// query term and fail this test without a look at `indexIDs`.
    private let indexIDMask: TermIDMask
    /// A bit for the first two bytes of every query stem (and for the first byte alone):
    /// tokens with other prefixes cannot stem to a query stem, since stemming only ever
    /// changes a word's end. A bitmap rather than a set: it is tested for every word.
    private let prefixes: PrefixBitmap

    /// `termIDs` maps the Porter stems of every word of `query` (as the index's `terms` spell
    /// them) to the index's term ids, for ``bestPassage(of:)``; text candidates need
    /// none. Each word is stemmed once, for both.
    init(query: ExpandedQuery, snippetTokens: Int = 24, termIDs: (Set<String>) throws -> [String: UInt32]) rethrows {
        self.snippetTokens = snippetTokens
        groupCount = query.groups.count
        var stemIDs: [[UInt8]: Int] = [:]
        var phrases: [Int: [Phrase]] = [:]
        // Expansions repeat words ("skin needling", "skin laxity"): each is stemmed once.
        var tokenIDs: [String: Int] = [:]
        for (group, alternatives) in query.groups.enumerated() {
            for (index, alternative) in alternatives.alternatives.enumerated() {
                let stems = alternative.map { token -> Int in
                    if let id = tokenIDs[token] { return id }
                    let stem = PorterStemmer.stem(Array(token.utf8))
                    let id = stemIDs[stem] ?? stemIDs.count
                    if id == stemIDs.count { stemIDs[stem] = id }
                    tokenIDs[token] = id
                    return id
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
        var stems = [String](repeating: "", count: stemIDs.count)
        for (stem, id) in stemIDs { stems[id] = String(decoding: stem, as: UTF8.self) }
        let ids = try termIDs(Set(stems))
        indexIDs = stems.map { ids[$0] ?? 0 }
        self.termIDs = indexIDs.filter { $0 != 0 }
        indexIDMask = TermIDMask(self.termIDs)
    }

    /// A highlighter for text candidates only (``bestPassage(among:)``).
    init(query: ExpandedQuery, snippetTokens: Int = 24) {
        self.init(query: query, snippetTokens: snippetTokens, termIDs: { _ in [:] })
    }

    /// The best-matching candidate and its snippet, or nil when none matches.
    /// The user's own words count more than expansions, a heading more than text;
    /// ties go to the earlier passage.
    func bestPassage(among candidates: [Candidate]) -> Highlight? {
        var texts: [TokenizedText] = []
        let choice = choose(candidates.count) { index in
            let text = TokenizedText(candidates[index].text)
            texts.append(text)
            let heading = candidates[index].heading.map { stemIDs(of: TokenizedText($0)) } ?? []
            let stems = stemIDs(of: text)
            return (matches(heading), matches(stems), stems.count)
        }
        guard let choice else { return nil }
        return highlight(choice, heading: candidates[choice.index].heading, text: texts[choice.index])
    }

    /// The best-matching passage of a stored article, from the term ids it stores, as
    /// ``bestPassage(among:)`` chooses among its passages in id order (the choice's index is
    /// the passage's offset in the article's id range), or nil when none matches; its snippet
    /// comes from ``highlight(_:heading:text:)``. A passage without stored terms matches
    /// nothing. Every passage's ids are read once, in place: most fail one bit test.
    func bestPassage(of article: StoredArticle) -> Choice? {
        var best: Choice?
        article.passages.withUnsafeBufferPointer { passages in
            article.terms.withUnsafeBufferPointer { terms in
                for position in passages.indices where indexIDMask.mayContainAny(of: terms[passages[position].terms]) {
                    guard let headingTokens = passages[position].headingTokens else { continue }
                    let range = passages[position].terms
                    let split = range.lowerBound + min(headingTokens, range.count)
                    let heading = UnsafeBufferPointer(rebasing: terms[range.lowerBound..<split])
                    let text = UnsafeBufferPointer(rebasing: terms[split..<range.upperBound])
                    let index = Int(passages[position].id - article.passageIDs.lowerBound)
                    consider(index, heading: matches(stored: heading), text: matches(stored: text), textTokens: text.count, best: &best)
                }
            }
        }
        return best
    }

    /// The chosen passage's snippet, from its text.
    func highlight(_ choice: Choice, heading: String?, text: TokenizedText) -> Highlight {
        // The marks need each match's bytes: when the text's tokens are not the ones the
        // matches were counted on, match the text itself.
        let matches = text.tokens.count == choice.textTokens ? choice.matches : self.matches(stemIDs(of: text))
        return Highlight(
            index: choice.index, heading: heading, snippet: snippet(text, matches),
            headingScore: min(1, choice.heading / Double(max(1, groupCount))))
    }

    /// The best of `count` candidates, given each one's matches in its heading and text and
    /// how many tokens its text has; nil for a candidate known to match nothing.
    private func choose(_ count: Int, _ matches: (Int) -> (heading: [Match], text: [Match], textTokens: Int)?) -> Choice? {
        var best: Choice?
        for index in 0..<count {
            guard let (heading, text, textTokens) = matches(index) else { continue }
            consider(index, heading: heading, text: text, textTokens: textTokens, best: &best)
        }
        return best
    }

    /// Makes candidate `index` the best when it scores above it (ties keep the earlier one).
    private func consider(_ index: Int, heading: [Match], text: [Match], textTokens: Int, best: inout Choice?) {
        guard !heading.isEmpty || !text.isEmpty else { return }
        let headingScore = score(heading[...])
        let score = self.score(text[...]) + Self.headingWeight * headingScore
        if score > 0, score > best?.score ?? 0 {
            best = Choice(index: index, score: score, heading: headingScore, matches: text, textTokens: textTokens)
        }
    }

    /// The share of the query's groups that `text` (or `heading`) contains (0…1).
    func groupCoverage(of text: String, heading: String?) -> Double {
        var groups = Set(matches(stemIDs(of: TokenizedText(text))).map(\.group))
        if let heading { groups.formUnion(matches(stemIDs(of: TokenizedText(heading))).map(\.group)) }
        return Double(groups.count) / Double(max(1, groupCount))
    }

    /// The phrases found in a text given as the stem id of each token.
    private func matches(_ ids: [Int]) -> [Match] {
        matches(count: ids.count) { ids[$0] }
    }

    /// The phrases found in a text given as the index's term id of each token.
    private func matches(stored ids: UnsafeBufferPointer<UInt32>) -> [Match] {
        matches(count: ids.count) { stemID(ofStored: ids[$0]) }
    }

    /// The phrases found in a text of `count` tokens, given the stem id at each position.
    private func matches(count: Int, _ stemAt: (Int) -> Int) -> [Match] {
        var matches: [Match] = []
        var position = 0
        while position < count {
            let stem = stemAt(position)
            guard stem >= 0 else {
                position += 1
                continue
            }
            let phrase = phrasesByFirstStem[stem].first { phrase in
                position + phrase.stems.count <= count
                    && phrase.stems.indices.allSatisfy { stemAt(position + $0) == phrase.stems[$0] }
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

    /// The id of the stem of a stored token, or -1 when it is no query stem.
    private func stemID(ofStored token: UInt32) -> Int {
        guard token != 0, indexIDMask.mayContain(token) else { return -1 }
        return indexIDs.firstIndex(of: token) ?? -1
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
    /// expansion only, plus a small bonus for repeats (at most four). Added in group order,
    /// so equal scores are equal to the last bit and ties go to the earlier passage or window.
    private func score(_ matches: ArraySlice<Match>) -> Double {
        guard !matches.isEmpty else { return 0 }
        // Scored per candidate and per snippet window: the groups' tally lives on the stack.
        return withUnsafeTemporaryAllocation(of: (weight: Double, count: Int).self, capacity: groupCount) { groups in
            groups.initialize(repeating: (0, 0))
            for match in matches {
                let weight = match.isOriginal ? 1 : Self.expansionWeight
                groups[match.group] = (max(groups[match.group].weight, weight), groups[match.group].count + 1)
            }
            return groups.reduce(0) { $1.count == 0 ? $0 : $0 + $1.weight + 0.1 * Double(min($1.count, 5) - 1) }
        }
    }

    /// The window of `snippetTokens` words that scores best (as ``score(_:)`` does, so the
    /// user's own words draw the window), with each match marked and `…` where the text was cut.
    private func snippet(_ text: TokenizedText, _ matches: [Match]) -> String {
        let tokenCount = text.tokens.count
        var bestStart = 0
        var bestScore = -1.0
        // Matches come in token order, so a window's matches are one run of them.
        var (first, past) = (0, 0)
        for match in matches {
            let start = max(0, min(match.tokens.lowerBound - 3, tokenCount - snippetTokens))
            let window = start..<(start + snippetTokens)
            while first < matches.count, matches[first].tokens.lowerBound < window.lowerBound { first += 1 }
            past = max(past, first)
            while past < matches.count, matches[past].tokens.lowerBound < window.upperBound { past += 1 }
            let score = self.score(matches[first..<past])
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

/// A set of term ids as ``bits`` bits, by id modulo ``bits``: a query's few ids set few of
/// them, so a token that is no query term almost always fails one test.
private struct TermIDMask {
    static let bits = 1024
    private var words = [UInt64](repeating: 0, count: TermIDMask.bits / 64)

    init(_ ids: [UInt32]) {
        for id in ids { words[Int(id >> 6) & (words.count - 1)] |= 1 << UInt64(id & 63) }
    }

    func mayContain(_ id: UInt32) -> Bool {
        words[Int(id >> 6) & (words.count - 1)] & (1 << UInt64(id & 63)) != 0
    }

    /// Whether any of `ids` may be in the set: one bit test a token, in place, so a passage
    /// that holds no query term costs one tight pass over its ids.
    func mayContainAny(of ids: Slice<UnsafeBufferPointer<UInt32>>) -> Bool {
        words.withUnsafeBufferPointer { words in
            ids.contains { words[Int($0 >> 6) & (TermIDMask.bits / 64 - 1)] & (1 << UInt64($0 & 63)) != 0 }
        }
    }
}
