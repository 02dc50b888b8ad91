import Foundation
import GRDB
import NeedleIndex

/// The text match of an answer's candidate passages: `bm25(passages_fts, 2.0, 1.0)` of the
/// whole question, computed without FTS5's own idf step.
///
/// `bm25()` first counts, for each phrase, every passage of the index that holds it,
/// which for a question's common words is most passages. Here FTS5 only finds the matches
/// within the candidates' id ranges and reports their hits (``PhraseHitCounts``); each
/// phrase's passage count comes from the index's `terms` table (``IndexTerms``), or from
/// FTS5 for a phrase of several words, which few passages hold. ``BM25`` then gives the
/// scores `bm25()` would.
///
/// ```swift
/// let scores = try PassageMatches(db: db, terms: terms).scores(question, within: [12...20], candidates: [13, 14, 15])
/// scores[14]   // bm25 of passage 14, sign flipped; absent when it does not match
/// ```
struct PassageMatches {
    let db: Database
    let terms: IndexTerms

    /// The weights of `passages_fts`'s columns, heading and text.
    static let columnWeights = [2.0, 1.0]

    /// The bm25 of each passage in `candidates` (ids within `ranges`) that matches a phrase of
    /// `query`, sign flipped.
    func scores(_ query: ExpandedQuery, within ranges: [ClosedRange<Int64>], candidates: Set<Int64>) throws -> [Int64: Double] {
        guard !candidates.isEmpty, !query.isEmpty else { return [:] }
        let bm25 = terms.passages
        var idfByPhrase: [[String]: Double] = [:]
        let idfs = try query.matchPhrases.map { phrase in
            if let idf = idfByPhrase[phrase] { return idf }
            let idf = try bm25.idf(hits: passageCount(phrase))
            idfByPhrase[phrase] = idf
            return idf
        }
        let statement = try db.cachedStatement(sql: """
            SELECT rowid, needle_phrase_hits(passages_fts) FROM passages_fts
            WHERE passages_fts MATCH ? AND rowid BETWEEN ? AND ?
            """)
        var scores: [Int64: Double] = [:]
        for range in ranges {
            let rows = try Row.fetchCursor(statement, arguments: [query.matchExpression, range.lowerBound, range.upperBound])
            while let row = try rows.next() {
                let id: Int64 = row[0]
                let values = PhraseHitCounts.decode(row[1] ?? Data())
                guard candidates.contains(id), values.count == 1 + 2 * idfs.count else { continue }
                scores[id] = values.withUnsafeBufferPointer { values in
                    var score = 0.0
                    for (phrase, idf) in idfs.enumerated() {
                        let counts = UnsafeBufferPointer(rebasing: values[(1 + 2 * phrase)..<(3 + 2 * phrase)])
                        let frequency = BM25.frequency(counts: counts, weights: Self.columnWeights)
                        score += bm25.score(idf: idf, frequency: frequency, length: Int(values[0]))
                    }
                    return score
                }
            }
        }
        return scores
    }

    /// How many passages hold `phrase`: stored for a word, counted by FTS5 otherwise.
    private func passageCount(_ phrase: [String]) throws -> Int64 {
        if let term = IndexTerms.term(of: phrase) { return try terms.entry(term, in: db)?.passages ?? 0 }
        return try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?"),
            arguments: [ExpandedQuery.quoted(phrase)]) ?? 0
    }
}
