/// A query as the user wrote it, cut into segments.
///
/// A segment is a whitespace-separated word, a hyphenated or punctuated word that
/// yields several tokens ("retin-a" → `retin a`, matched as a phrase), or a phrase the
/// user put in double quotes (matched exactly, never expanded). Everything else in
/// the text (operators, brackets, `*`, `^`, `:`) is just a separator.
///
/// ```swift
/// ParsedQuery("\"acne scars\" retin-a OR (").segments
/// // [quoted ["acne","scars"], word ["retin","a"], word ["or"]]
/// ```
public struct ParsedQuery: Sendable, Hashable {
    /// The most segments a query keeps; the rest of a very long query is ignored.
    public static let maximumSegments = 32

    public struct Segment: Sendable, Hashable {
        public var tokens: [String]
        /// True for a phrase the user put in double quotes.
        public var isQuoted: Bool
    }

    public private(set) var segments: [Segment] = []

    public init(_ text: String) {
        var inQuote = false
        for (index, piece) in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() {
            inQuote = index % 2 == 1
            if inQuote {
                append(TextNormalizer.tokens(piece), quoted: true)
            } else {
                for word in piece.split(whereSeparator: \.isWhitespace) {
                    append(TextNormalizer.tokens(word), quoted: false)
                }
            }
        }
    }

    private mutating func append(_ tokens: [String], quoted: Bool) {
        guard !tokens.isEmpty, segments.count < Self.maximumSegments else { return }
        segments.append(Segment(tokens: tokens, isQuoted: quoted))
    }

    /// True when the query has no searchable token.
    public var isEmpty: Bool { segments.isEmpty }
}
