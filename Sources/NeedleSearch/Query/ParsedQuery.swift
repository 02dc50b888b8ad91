/// A query as the user wrote it, cut into segments.
///
/// A segment is a whitespace-separated word, a hyphenated or punctuated word that
/// yields several tokens ("retin-a" → `retin a`, matched as a phrase), or a phrase the
/// user put in double quotes (matched exactly, never expanded). Everything else in
/// the text (operators, brackets, `*`, `^`, `:`) is just a separator.
///
/// What a query costs grows with what is read, so reading is bounded by size as well as by
/// words: the first ``maximumBytes`` of the text, at most ``maximumTokens`` tokens, at most
/// ``maximumSegmentTokens`` tokens per segment (a longer run, such as `skin-skin-…-skin`,
/// is cut into several segments) and no token longer than ``maximumTokenBytes`` (no word
/// is that long; such a token is listed in ``dropped``). Which segments are searched is
/// decided later (``QueryExpander``), so a long message is read whole within these bounds.
///
/// Each segment knows its sentence (sentences end at `.`, `?` or `!`), and a sentence that ends
/// with `?` or has a question word ("what", "how", …) is a question: in a message with a
/// backstory, that is where its subject and intent are most likely named.
///
/// ```swift
/// ParsedQuery("\"acne scars\" retin-a OR (").segments
/// // [quoted ["acne","scars"], word ["retin","a"], word ["or"]]
/// ```
public struct ParsedQuery: Sendable, Hashable {
    /// The most bytes of a query that are read; the rest is ignored.
    public static let maximumBytes = 16_384
    /// The most tokens of a query that are read; the rest is ignored.
    public static let maximumTokens = 256
    /// The most tokens in one segment; a longer word or quoted phrase is cut into several.
    public static let maximumSegmentTokens = 8
    /// The longest token kept, in bytes; a longer one is dropped.
    public static let maximumTokenBytes = 64

    public struct Segment: Sendable, Hashable {
        public var tokens: [String]
        /// True for a phrase the user put in double quotes.
        public var isQuoted: Bool
        /// The sentence it is in, counted from 0.
        public var sentence = 0
    }

    /// Words that make a sentence a question wherever they stand in it.
    static let questionWords: Set<String> = ["what", "whats", "how", "why", "where"]

    public private(set) var segments: [Segment] = []
    /// The sentences that ask something.
    public private(set) var questionSentences: Set<Int> = []
    /// Tokens that were read but are too long to be words.
    public private(set) var dropped: [String] = []
    /// True when the text went on past ``maximumBytes`` or ``maximumTokens``.
    public private(set) var isTruncated = false
    private var tokenCount = 0

    public init(_ text: String) {
        let bytes = text.utf8
        isTruncated = bytes.count > Self.maximumBytes
        // Cutting inside a character leaves a replacement character, which is a separator.
        let readable = isTruncated ? String(decoding: bytes.prefix(Self.maximumBytes), as: UTF8.self) : text
        var sentence = 0
        for (index, piece) in readable.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            guard !isFull else { break }
            if index % 2 == 1 {
                append(TextNormalizer.tokens(piece), quoted: true, sentence: sentence)
                continue
            }
            // Cut by scalars rather than characters: a message is long, and whitespace is never part of a word.
            for scalars in piece.unicodeScalars.split(whereSeparator: \.properties.isWhitespace) {
                guard !isFull else { break }
                let word = Substring(scalars)
                append(TextNormalizer.tokens(word), quoted: false, sentence: sentence)
                guard let end = Self.sentenceEnd(of: word) else { continue }
                if end == "?" { questionSentences.insert(sentence) }
                sentence += 1
            }
        }
    }

    /// The mark that ends a sentence at the end of `word` (before closing brackets or quotes).
    private static func sentenceEnd(of word: Substring) -> Unicode.Scalar? {
        let last = word.unicodeScalars.reversed().first { !")]'’".unicodeScalars.contains($0) }
        return last.flatMap { ".?!".unicodeScalars.contains($0) ? $0 : nil }
    }

    /// The tokens `keep` accepts (by position in ``tokens``), each a word of its own in its
    /// sentence: what is left of a question once its scaffolding is removed.
    public func words(keeping keep: (Int) -> Bool) -> ParsedQuery {
        var query = self
        let positioned = segments.flatMap { segment in segment.tokens.map { (token: $0, sentence: segment.sentence) } }
        query.segments = positioned.indices.filter(keep).map { Segment(tokens: [positioned[$0].token], isQuoted: false, sentence: positioned[$0].sentence) }
        return query
    }

    private var isFull: Bool { tokenCount >= Self.maximumTokens }

    private mutating func append(_ tokens: [String], quoted: Bool, sentence: Int) {
        var kept: [String] = []
        for token in tokens {
            if token.utf8.count > Self.maximumTokenBytes {
                dropped.append(String(token.prefix(Self.maximumTokenBytes)) + "…")
                continue
            }
            guard !isFull else {
                isTruncated = true
                break
            }
            kept.append(token)
            tokenCount += 1
            if Self.questionWords.contains(token) { questionSentences.insert(sentence) }
        }
        var start = 0
        while start < kept.count {
            let end = min(kept.count, start + Self.maximumSegmentTokens)
            segments.append(Segment(tokens: Array(kept[start..<end]), isQuoted: quoted, sentence: sentence))
            start = end
        }
    }

    /// Every token read, in order.
    public var tokens: [String] { segments.flatMap(\.tokens) }

    /// Whether the segment stands in a sentence that asks something.
    public func isQuestion(_ segment: Segment) -> Bool {
        questionSentences.contains(segment.sentence)
    }

    /// True when the query has no searchable token.
    public var isEmpty: Bool { segments.isEmpty }
}
