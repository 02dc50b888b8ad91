/// Splits text into the tokens the engine matches on, the way SQLite's
/// `unicode61 remove_diacritics 2` tokenizer sees words: runs of letters and digits,
/// lowercased, with accents removed.
///
/// ```swift
/// TextNormalizer.tokens("Retin-A, café!")   // ["retin", "a", "cafe"]
/// TextNormalizer.matchKey(["acne", "scars"]) // "acne scar"
/// ```
public enum TextNormalizer {
    /// The folded tokens of `text`, in order (cut by ``TokenizedText``, the one place
    /// that knows which characters make words).
    public static func tokens(_ text: some StringProtocol) -> [String] {
        let tokenized = TokenizedText(String(text))
        return tokenized.tokens.indices.map { String(decoding: tokenized.folded($0), as: UTF8.self) }
    }

    /// The key under which a phrase is looked up in the concept dictionary.
    ///
    /// A trailing plural `s` is removed from each token (not from `ss` endings or short
    /// words), so "acne scar" finds the name "Acne scars" and "dark spot" finds "dark spots".
    public static func matchKey(_ tokens: some Sequence<String>) -> String {
        tokens.map(singular).joined(separator: " ")
    }

    private static func singular(_ token: String) -> String {
        guard token.count > 3, token.hasSuffix("s"), !token.hasSuffix("ss"), !token.hasSuffix("us") else { return token }
        return String(token.dropLast())
    }
}
