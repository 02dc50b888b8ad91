import Foundation
import GRDB
import NeedleIndex

/// What an answer needs to know of its candidate passages' words, read from the terms each
/// passage stores (`passage_terms`, ``NeedleIndex/PassageTerms``) by comparing integers: no
/// FTS5 query and no passage tokenized or stemmed per request.
///
/// - The question's text match: `bm25(passages_fts, 2.0, 1.0)` of its phrases, as FTS5
///   computes it (``BM25``; each phrase's idf from the passages holding it, stored in `terms`
///   for a word, and for a phrase of several words counted by FTS5 once per open index,
///   ``PassagePhraseCounts``).
/// - The topic's coverage: the share of its groups the passage's heading or text holds,
///   found as ``PassageHighlighter/groupCoverage(of:heading:)`` finds them (at each token the
///   longest phrase that starts there, then past it).
///
/// Made only when every word of both queries has a term Needle computes exactly as FTS5
/// does (``IndexTerms/term(of:)``: ASCII letters and digits); `nil` otherwise, and the
/// caller asks FTS5.
///
/// ```swift
/// let matches = try PassageTermMatches(question: question, topic: topic, terms: terms, termRows: rows, phraseCounts: counts, db: db)
/// matches?.match(terms, headingTokens: 2)   // (text: bm25 or nil when no phrase occurs, coverage: 0…1)
/// ```
struct PassageTermMatches {
    /// The weights of `passages_fts`'s columns, heading and text.
    static let columnWeights = [2.0, 1.0]

    /// The question's phrases as term ids, in FTS5's order (``ExpandedQuery/matchPhrases``),
    /// and the index of each by its first term.
    private let questionPhrases: [[UInt32]]
    private let idfs: [Double]
    private let questionByFirstTerm: [UInt32: [Int]]
    /// The topic's phrases by their first term, longest first: each with its group.
    private let topicByFirstTerm: [UInt32: [(group: Int, terms: [UInt32])]]
    private let topicGroups: Int
    /// A bit per first term (modulo 1,024) of any phrase: most tokens start none.
    private var firstTerms = [UInt64](repeating: 0, count: 16)
    private let bm25: BM25

    init?(
        question: ExpandedQuery, topic: ExpandedQuery, terms: IndexTerms, termRows: TermRows, phraseCounts: PassagePhraseCounts,
        db: Database
    ) throws {
        // The topic's words are the question's, and a group's own phrase is matched twice:
        // each distinct word is stemmed once.
        var termsByWord: [String: String?] = [:]
        func term(_ word: String) -> String? {
            if let term = termsByWord[word] { return term }
            let term = IndexTerms.term(of: [word])
            termsByWord[word] = term
            return term
        }
        let questionWords = question.matchPhrases.map { $0.map(term) }
        let topicWords = topic.groups.map { $0.alternatives.map { $0.map(term) } }
        let words = questionWords.joined().map { $0 } + topicWords.joined().joined().map { $0 }
        guard words.allSatisfy({ $0 != nil }) else { return nil }
        let rows = try termRows.rows(Set(words.compactMap { $0 }), in: db)
        func ids(_ words: [String?]) -> [UInt32] { words.map { rows[$0 ?? ""]?.id ?? 0 } }
        bm25 = terms.passages
        questionPhrases = questionWords.map(ids)
        idfs = try zip(question.matchPhrases, questionWords).map { phrase, words in
            let hits = try words.count == 1
                ? rows[words[0] ?? ""]?.passages ?? 0
                : phraseCounts.count(of: phrase) { try Self.passageCount(phrase, ids: ids(words), db: db) }
            return terms.passages.idf(hits: hits)
        }
        var questionByFirstTerm: [UInt32: [Int]] = [:]
        for (index, phrase) in questionPhrases.enumerated() where !phrase.isEmpty && !phrase.contains(0) {
            questionByFirstTerm[phrase[0], default: []].append(index)
        }
        self.questionByFirstTerm = questionByFirstTerm
        var topicByFirstTerm: [UInt32: [(group: Int, terms: [UInt32])]] = [:]
        for (group, alternatives) in topicWords.enumerated() {
            for words in alternatives where !words.isEmpty {
                let phrase = ids(words)
                guard !phrase.contains(0) else { continue }   // a word no passage holds
                topicByFirstTerm[phrase[0], default: []].append((group, phrase))
            }
        }
        self.topicByFirstTerm = topicByFirstTerm.mapValues { $0.sorted { $0.terms.count > $1.terms.count } }
        topicGroups = topic.groups.count
        for term in Array(questionByFirstTerm.keys) + Array(topicByFirstTerm.keys) { firstTerms[Int(term >> 6 & 15)] |= 1 << (term & 63) }
    }

    /// The question's bm25 in a passage (nil when none of its phrases occurs there) and the
    /// share of the topic's groups the passage holds, from its stored term ids, of which the
    /// first `headingTokens` are its heading's (nil when it has none stored: no match).
    func match(_ stored: ArraySlice<UInt32>, headingTokens: Int?) -> (text: Double?, coverage: Double) {
        guard let heading = headingTokens else { return (nil, 0) }
        return stored.withUnsafeBufferPointer { match($0, heading: heading) }
    }

    private func match(_ terms: UnsafeBufferPointer<UInt32>, heading: Int) -> (text: Double?, coverage: Double) {
        let columns = [0..<heading, heading..<terms.count]
        var hits = [Int32](repeating: 0, count: 2 * questionPhrases.count)
        var groups = Set<Int>()
        for (column, range) in columns.enumerated() {
            var next = range.lowerBound
            for position in range where mayStart(terms[position]) {
                for phrase in questionByFirstTerm[terms[position]] ?? [] where Self.occurs(questionPhrases[phrase], in: terms, at: position, within: range) {
                    hits[2 * phrase + column] += 1
                }
                // The topic's phrases are taken as the highlighter takes them: not overlapping.
                guard position >= next else { continue }
                if let phrase = topicByFirstTerm[terms[position]]?.first(where: { Self.occurs($0.terms, in: terms, at: position, within: range) }) {
                    groups.insert(phrase.group)
                    next = position + phrase.terms.count
                }
            }
        }
        return (score(hits, length: terms.count), Double(groups.count) / Double(max(1, topicGroups)))
    }

    private func mayStart(_ term: UInt32) -> Bool {
        firstTerms[Int(term >> 6 & 15)] & 1 << (term & 63) != 0
    }

    private func score(_ hits: [Int32], length: Int) -> Double? {
        guard hits.contains(where: { $0 > 0 }) else { return nil }
        return hits.withUnsafeBufferPointer { hits in
            var score = 0.0
            for (phrase, idf) in idfs.enumerated() {
                let frequency = BM25.frequency(counts: UnsafeBufferPointer(rebasing: hits[(2 * phrase)..<(2 * phrase + 2)]), weights: Self.columnWeights)
                score += bm25.score(idf: idf, frequency: frequency, length: length)
            }
            return score
        }
    }

    private static func occurs(_ phrase: [UInt32], in terms: UnsafeBufferPointer<UInt32>, at position: Int, within range: Range<Int>) -> Bool {
        guard position + phrase.count <= range.upperBound else { return false }
        for offset in 1..<max(1, phrase.count) where terms[position + offset] != phrase[offset] { return false }
        return true
    }

    /// How many passages hold a phrase of several words: none when a word is in none,
    /// otherwise FTS5 counts them.
    private static func passageCount(_ phrase: [String], ids: [UInt32], db: Database) throws -> Int64 {
        guard !ids.contains(0) else { return 0 }
        return try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?"),
            arguments: [ExpandedQuery.quoted(phrase)]) ?? 0
    }
}
