import GRDB
import NeedleIndex

/// How well a message that names no condition describes each candidate's signs: the share of
/// the message's words, weighted by the square of their rarity (passage idf), that the candidate's sign and symptom passages
/// hold ("Symptoms", "What are the signs and symptoms of …").
///
/// bm25 over a whole article rewards a description's words wherever they stand: in treatment,
/// causes or inheritance as much as in the signs. A message such as "red swollen bleeding gums
/// and thick scaly palms, what could this be?" describes a condition by what its article lists
/// as signs, so the words found there are counted again, as passage evidence added to the
/// article's score (``RankingWeights/signMatch``).
///
/// Read from the terms each passage stores (``StoredArticle/passageBits(holdingAny:)``): per
/// candidate one binary search per word of the message, no FTS5 query.
///
/// ```swift
/// let signs = try SignEvidence(query, termRows: rows, terms: terms, db: db)
/// signs?.share(of: storedArticle)   // 0…1: the rarity-weighted share of words its signs hold
/// ```
struct SignEvidence {
    /// The message's words as term ids, each with its passage idf; words no passage holds are
    /// left out of what can be found but count in the whole.
    private let words: [(id: UInt32, idf: Double)]
    private let total: Double

    /// Evidence for `query`, or nil when it is not a message that names no article: a name
    /// says what is asked about, and a short query has no description to weigh.
    init?(_ query: ExpandedQuery, names: Bool, termRows: TermRows, terms: IndexTerms, db: Database) throws {
        guard !names, SearchIndex.isMessage(query) else { return nil }
        var stems = Set<String>()
        for group in query.groups {
            for word in group.original where !Stopwords.contains(word) && !ConversationWords.contains(word) {
                if let stem = IndexTerms.term(of: [word]) { stems.insert(stem) }
            }
        }
        let rows = try termRows.rows(stems, in: db)
        let known = stems.sorted().compactMap { stem in rows[stem].flatMap { $0.id == 0 ? nil : $0 } }
        // Squared, so a rare word found among the signs outweighs the common words every sign list holds.
        words = known.map { row in
            let idf = max(0, terms.passages.idf(hits: row.passages))
            return (id: row.id, idf: idf * idf)
        }
        total = words.reduce(0) { $0 + $1.idf }
        guard total > 0 else { return nil }
    }

    /// Whether a passage heading is about signs and symptoms: it has the word "sign(s)" or a
    /// word that starts with "symptom" ("design" and "signature" are not signs).
    static func isSignHeading(_ heading: String?) -> Bool {
        guard let heading else { return false }
        return heading.lowercased().split { !$0.isLetter }.contains { $0 == "sign" || $0 == "signs" || $0.hasPrefix("symptom") }
    }

    /// The rarity-weighted share, 0…1, of the message's words that the article's sign and
    /// symptom passages hold (among its first 64 passages); 0 when it has none.
    func share(of article: StoredArticle) -> Double {
        var signs: UInt64 = 0
        for (position, passage) in article.passages.prefix(64).enumerated() where Self.isSignHeading(passage.heading) {
            signs |= 1 << UInt64(position)
        }
        guard signs != 0 else { return 0 }
        var found = 0.0
        for word in words where article.passageBits(holdingAny: [word.id]) & signs != 0 {
            found += word.idf
        }
        return found / total
    }
}
