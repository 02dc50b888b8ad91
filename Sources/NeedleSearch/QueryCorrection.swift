import GRDB

/// A query with the words the index does not know replaced by their corrections.
///
/// ```swift
/// try QueryCorrection.corrected("microneedlng scars", corrector: corrector, db: db)  // "microneedling scars"
/// try QueryCorrection.corrected("acne scars", corrector: corrector, db: db)          // nil: nothing to correct
/// ```
enum QueryCorrection {
    /// The most unknown words of one query that are looked up: each lookup scans part of
    /// the vocabulary, and a long message's typos are few.
    static let maximumLookups = 8

    /// The corrected query, folded; `nil` when no word needed or found a correction.
    /// Quoted phrases are kept as typed (the user asked for exactly those words).
    static func corrected(_ text: String, corrector: SpellingCorrector, db: Database) throws -> String? {
        var changed = false
        var lookups = 0
        let pieces = try ParsedQuery(text).segments.map { segment -> String in
            guard !segment.isQuoted else { return "\"" + segment.tokens.joined(separator: " ") + "\"" }
            return try segment.tokens.map { token in
                guard lookups < Self.maximumLookups, corrector.looksUp(token) else { return token }
                lookups += 1
                guard let correction = try corrector.correction(for: token, in: db) else { return token }
                changed = true
                return correction.word
            }.joined(separator: " ")
        }
        return changed ? pieces.joined(separator: " ") : nil
    }
}
