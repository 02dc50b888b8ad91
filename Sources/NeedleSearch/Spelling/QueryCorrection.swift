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
    /// The shortest word of a message that is corrected. A message is written in everyday
    /// words, many of which no article uses ("hiking", "coin", "wife"), and a short one is
    /// always near some word of the index; its misspelled medical names are six letters or more
    /// ("keliod", "alopicia", "mutaion"), and it corrects them only to words of names
    /// (``SpellingCorrector/nameWordCorrection(for:)``). At five letters, "heard", "steel" and
    /// "broke" were one edit from name words ("head", "steely", "broken").
    static let messageMinimumLength = 6

    /// The corrected query, folded; `nil` when no word needed or found a correction.
    /// Quoted phrases are kept as typed (the user asked for exactly those words); sentences
    /// stay apart (`?` after a question, `.` after the others), so the corrected query reads
    /// as the typed one does. In a `message`, only words of ``messageMinimumLength`` or more
    /// are corrected, only to words of names, and a word only one article holds may be read as
    /// the name it is one typo from (``SpellingCorrector/nameCorrection(forRare:)``).
    static func corrected(_ text: String, corrector: SpellingCorrector, db: Database, message: Bool = false) throws -> String? {
        try corrected(ParsedQuery(text), corrector: corrector, db: db, message: message)
    }

    /// The corrected query of text already read (``ParsedQuery``): a long message is read once.
    static func corrected(_ query: ParsedQuery, corrector: SpellingCorrector, db: Database, message: Bool = false) throws -> String? {
        var corrections: [String: String] = [:]
        for token in lookups(in: query, corrector: corrector, message: message) {
            let correction = corrector.isKnown(token) ? corrector.nameCorrection(forRare: token)
                : message ? corrector.nameWordCorrection(for: token) : try corrector.correction(for: token, in: db)
            if let correction { corrections[token] = correction.word }
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

    /// The distinct unquoted tokens to look up, longest first, at most ``maximumLookups``:
    /// unknown words, and in a message long ones only, with the words only one article holds.
    private static func lookups(in query: ParsedQuery, corrector: SpellingCorrector, message: Bool) -> [String] {
        var seen = Set<String>()
        let wanted: (QueryWord) -> Bool = { word in
            guard message else { return corrector.looksUp(word) }
            return word.length >= messageMinimumLength && (corrector.looksUp(word) || corrector.documentFrequency(ofStem: word.stem) == 1)
        }
        var unknown: [String] = []
        var position = 0
        for segment in query.segments {
            defer { position += segment.tokens.count }
            guard !segment.isQuoted else { continue }
            for word in query.words[position..<(position + segment.tokens.count)] where wanted(word) && seen.insert(word.text).inserted {
                unknown.append(word.text)
            }
        }
        return Array(unknown.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.prefix(maximumLookups).map(\.element))
    }
}
