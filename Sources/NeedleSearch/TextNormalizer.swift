import Foundation

/// Splits text into the tokens the engine matches on, the way SQLite's
/// `unicode61 remove_diacritics 2` tokenizer sees words: runs of letters and digits,
/// lowercased, with accents removed.
///
/// ```swift
/// TextNormalizer.tokens("Retin-A, café!")   // ["retin", "a", "cafe"]
/// TextNormalizer.matchKey(["acne", "scars"]) // "acne scar"
/// ```
public enum TextNormalizer {
    /// The folded tokens of `text`, in order.
    public static func tokens(_ text: some StringProtocol) -> [String] {
        let folded = String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var tokens: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
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
