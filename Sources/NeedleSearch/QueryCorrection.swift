import GRDB

/// A query with the words the index does not know replaced by their corrections.
///
/// ```swift
/// try QueryCorrection.corrected("microneedlng scars", corrector: corrector, db: db)  // "microneedling scars"
/// try QueryCorrection.corrected("acne scars", corrector: corrector, db: db)          // nil: nothing to correct
/// ```
enum QueryCorrection {
    /// The most unknown words of one query that are looked up: each lookup scans part of
    /// the vocabulary, and a long message's typos are few. The longest are looked up first:
    /// a misspelled medical name is long, a chatty word that no article uses is short.
    static let maximumLookups = 8

    /// The corrected query, folded; `nil` when no word needed or found a correction.
    /// Quoted phrases are kept as typed (the user asked for exactly those words); sentences
    /// stay apart (`?` after a question, `.` after the others), so the corrected query reads
    /// as the typed one does.
    static func corrected(_ text: String, corrector: SpellingCorrector, db: Database) throws -> String? {
        let query = ParsedQuery(text)
        var corrections: [String: String] = [:]
        for token in lookups(in: query, corrector: corrector) {
            if let correction = try corrector.correction(for: token, in: db) { corrections[token] = correction.word }
        }
        guard !corrections.isEmpty else { return nil }
        var pieces: [String] = []
        for (index, segment) in query.segments.enumerated() {
            if index > 0, query.segments[index - 1].sentence != segment.sentence {
                pieces[pieces.count - 1] += query.isQuestion(query.segments[index - 1]) ? "?" : "."
            }
            let words = segment.isQuoted ? segment.tokens : segment.tokens.map { corrections[$0] ?? $0 }
            let phrase = words.joined(separator: " ")
            pieces.append(segment.isQuoted ? "\"" + phrase + "\"" : phrase)
        }
        return pieces.joined(separator: " ")
    }

    /// The distinct unquoted tokens to look up, longest first, at most ``maximumLookups``.
    private static func lookups(in query: ParsedQuery, corrector: SpellingCorrector) -> [String] {
        var seen = Set<String>()
        let unknown = query.segments.filter { !$0.isQuoted }.flatMap(\.tokens).filter { corrector.looksUp($0) && seen.insert($0).inserted }
        return Array(unknown.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.prefix(maximumLookups).map(\.element))
    }
}
