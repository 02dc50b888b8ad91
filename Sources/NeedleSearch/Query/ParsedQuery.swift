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
    /// Every token read, in order, with its stem, match key and word lists: read once, for every
    /// stage (expansion, focus, question analysis, correction).
    public private(set) var words: [QueryWord] = []
    /// The sentences that ask something.
    public private(set) var questionSentences: Set<Int> = []
    /// Tokens that were read but are too long to be words.
    public private(set) var dropped: [String] = []
    /// True when the text went on past ``maximumBytes`` or ``maximumTokens``.
    public private(set) var isTruncated = false
    /// The tokens read so far; ``words`` once the text is read.
    private var texts: [String] = []

    /// The text is cut into tokens in one pass (``TokenizedText``); a token never spans
    /// whitespace or a double quote, so each falls in one word or quoted phrase.
    public init(_ text: String) {
        let bytes = text.utf8
        isTruncated = bytes.count > Self.maximumBytes
        // Cutting inside a character leaves a replacement character, which is a separator.
        read(isTruncated ? String(decoding: bytes.prefix(Self.maximumBytes), as: UTF8.self) : text)
        // Every word is looked up once, in one turn: its stem, key and lists are the same in every stage.
        words = QueryWord.words(of: texts)
        texts = []
        var position = 0
        for segment in segments {
            if words[position..<(position + segment.tokens.count)].contains(where: \.asks) { questionSentences.insert(segment.sentence) }
            position += segment.tokens.count
        }
    }

    private mutating func read(_ text: String) {
        var reader = Reader(TokenizedText(text))
        texts.reserveCapacity(min(Self.maximumTokens, reader.text.tokens.count))
        var offset = 0
        var wordStart: Int?
        var quoteStart: Int?
        for scalar in text.unicodeScalars {
            guard !isFull else { return }
            let width = UTF8.width(scalar)
            defer { offset += width }
            if scalar == "\"" {
                if let start = quoteStart {
                    append(reader.tokens(before: offset, from: start), of: reader, quoted: true)
                    quoteStart = nil
                } else {
                    endWord(from: &wordStart, at: offset, reader: &reader)
                    quoteStart = offset + 1
                }
            } else if quoteStart == nil {
                // Cut by scalars rather than characters: a message is long, and whitespace is never part of a word.
                if Self.isWhitespace(scalar) {
                    endWord(from: &wordStart, at: offset, reader: &reader)
                } else if wordStart == nil {
                    wordStart = offset
                }
            }
        }
        guard !isFull else { return }
        if let start = quoteStart {
            append(reader.tokens(before: offset, from: start), of: reader, quoted: true)
        } else {
            endWord(from: &wordStart, at: offset, reader: &reader)
        }
    }

    /// Reads the word that started at `start`, if any, up to `end`: its tokens, and whether it ends a sentence.
    private mutating func endWord(from start: inout Int?, at end: Int, reader: inout Reader) {
        guard let wordStart = start, !isFull else { return }
        start = nil
        append(reader.tokens(before: end, from: wordStart), of: reader, quoted: false)
        guard let mark = reader.sentenceEnd(of: wordStart..<end) else { return }
        if mark == UInt8(ascii: "?") { questionSentences.insert(reader.sentence) }
        reader.sentence += 1
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0d).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// The text's tokens, handed out word by word, and the sentence being read.
    private struct Reader {
        let text: TokenizedText
        var next = 0
        var sentence = 0

        init(_ text: TokenizedText) {
            self.text = text
        }

        /// The positions of the tokens from byte `start` up to byte `end` (the tokens before
        /// `start` were read already).
        mutating func tokens(before end: Int, from start: Int) -> Range<Int> {
            while next < text.tokens.count, text.tokens[next].lowerBound < start { next += 1 }
            let first = next
            while next < text.tokens.count, text.tokens[next].lowerBound < end { next += 1 }
            return first..<next
        }

        /// Token `position`, folded.
        func folded(_ position: Int) -> String {
            let bytes = text.bytes[text.tokens[position]]
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: text.folded(position), as: UTF8.self) }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() { buffer[offset] = TokenizedText.lowercased(byte) }
                return bytes.count
            }
        }

        /// The mark that ends a sentence at the end of the word in `range` (before closing brackets or quotes).
        func sentenceEnd(of range: Range<Int>) -> UInt8? {
            let bytes = text.bytes
            var end = range.upperBound
            while end > range.lowerBound {
                let byte = bytes[end - 1]
                if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "'") {
                    end -= 1
                } else if end - range.lowerBound >= 3, bytes[(end - 3)..<end].elementsEqual("’".utf8) {
                    end -= 3
                } else {
                    return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") ? byte : nil
                }
            }
            return nil
        }
    }

    /// The tokens `keep` accepts (by position in ``tokens``), each a word of its own in its
    /// sentence: what is left of a question once its scaffolding is removed.
    public func words(keeping keep: (Int) -> Bool) -> ParsedQuery {
        var query = self
        let sentences = segments.flatMap { segment in repeatElement(segment.sentence, count: segment.tokens.count) }
        let kept = words.indices.filter(keep)
        query.words = kept.map { words[$0] }
        query.segments = kept.map { Segment(tokens: [words[$0].text], isQuoted: false, sentence: sentences[$0]) }
        return query
    }

    private var isFull: Bool { texts.count >= Self.maximumTokens }

    /// Appends the tokens at `positions` as one segment, or several when they are many.
    private mutating func append(_ positions: Range<Int>, of reader: Reader, quoted: Bool) {
        let first = texts.count
        for position in positions {
            let token = reader.folded(position)
            if token.utf8.count > Self.maximumTokenBytes {
                dropped.append(String(token.prefix(Self.maximumTokenBytes)) + "…")
                continue
            }
            guard !isFull else {
                isTruncated = true
                break
            }
            texts.append(token)
        }
        var start = first
        while start < texts.count {
            let end = min(texts.count, start + Self.maximumSegmentTokens)
            segments.append(Segment(tokens: Array(texts[start..<end]), isQuoted: quoted, sentence: reader.sentence))
            start = end
        }
    }

    /// Every token read, in order.
    public var tokens: [String] { words.map(\.text) }

    /// Whether the segment stands in a sentence that asks something.
    public func isQuestion(_ segment: Segment) -> Bool {
        questionSentences.contains(segment.sentence)
    }

    /// True when the query has no searchable token.
    public var isEmpty: Bool { segments.isEmpty }
}
