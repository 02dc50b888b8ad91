import Foundation
import GRDB
import NeedleIndex

/// Every article a query matches, each with the bm25 FTS5's `bm25(articles_fts, …)` would
/// give it (``BM25``), computed from the index's stored postings instead of by FTS5 row by
/// row.
///
/// A phrase is read from a stored ``NeedleIndex/PostingList`` (one blob, no visit of the
/// matching rows): a one-word phrase from its term's, a phrase a name or synonym expands to
/// from `postings` too (``IndexTerms/postings(ofPhrase:in:)``). Any other phrase (a quoted phrase
/// of the user's own) is matched by FTS5 itself, and `needle_phrase_hits` reports its hits.
/// The phrases' parts are added in the order FTS5 numbers them, so every score equals
/// `bm25()`'s bit for bit. A phrase's parts are computed once per open index and kept
/// (``PhraseScores``), those FTS5 matched too: a long message's contractions ("i m",
/// "that s") are such phrases, and matching them was a tenth of its search.
///
/// ```swift
/// let matches = try ArticleMatches.find(query, terms: terms, weights: weights.columnWeights, in: db)
/// matches.count          // every matching article: the exact total
/// matches.best(50)       // [(id, bm25)], best first, ties by id
/// ```
struct ArticleMatches {
    /// The matching ids, in the order first found.
    private var ids: [Int64] = []
    /// Scores by article id; meaningful where `matched` is set.
    private var scores: [Double]
    private var matched: [Bool]

    /// How often the posting loops check the deadline.
    static let checkInterval = 4096

    private init(lastArticle: Int64) {
        scores = [Double](repeating: 0, count: Int(max(0, lastArticle)) + 1)
        matched = [Bool](repeating: false, count: scores.count)
    }

    /// How many articles match.
    var count: Int { ids.count }

    /// The bm25 of article `id`, or nil when it does not match.
    func score(of id: Int64) -> Double? {
        guard id >= 0, id < scores.count, matched[Int(id)] else { return nil }
        return scores[Int(id)]
    }

    /// The best `count` matches, best first; equal scores by ascending id, the order in
    /// which FTS5 visits rows.
    func best(_ count: Int) -> [(id: Int64, bm25: Double)] {
        guard count > 0 else { return [] }
        var top: [(id: Int64, bm25: Double)] = []
        top.reserveCapacity(min(count, ids.count) + 1)
        for id in ids {
            let candidate = (id: id, bm25: scores[Int(id)])
            if top.count == count, let last = top.last, !Self.precedes(candidate, last) { continue }
            var low = 0
            var high = top.count
            while low < high {
                let middle = (low + high) / 2
                if Self.precedes(top[middle], candidate) { low = middle + 1 } else { high = middle }
            }
            top.insert(candidate, at: low)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    static func precedes(_ a: (id: Int64, bm25: Double), _ b: (id: Int64, bm25: Double)) -> Bool {
        a.bm25 > b.bm25 || (a.bm25 == b.bm25 && a.id < b.id)
    }

    /// Adds `score` to article `id`'s `times` times over, one addition after the other, as
    /// FTS5 adds the part of a phrase it numbers `times` times in a row.
    private mutating func add(_ id: Int64, _ score: Double, times: Int) {
        let index = Int(id)
        grow(to: index)
        if !matched[index] {
            matched[index] = true
            ids.append(id)
        }
        for _ in 0..<times { scores[index] += score }
    }

    /// Makes room for the score of article `id`.
    private mutating func grow(to id: Int) {
        guard id >= scores.count else { return }
        scores += [Double](repeating: 0, count: id + 1 - scores.count)
        matched += [Bool](repeating: false, count: id + 1 - matched.count)
    }

    /// Scores every article that matches a phrase of `query`. Checks the read's deadline
    /// (``QueryDeadline/check()``) as it goes.
    static func find(_ query: ExpandedQuery, terms: IndexTerms, weights: [Double], in db: Database) throws -> ArticleMatches {
        var matches = ArticleMatches(lastArticle: terms.lastArticle)
        var hitsByPhrase: [[String]: PhraseHits] = [:]
        let phrases = query.matchPhrases
        var next = 0
        while next < phrases.count {
            try QueryDeadline.check()
            let phrase = phrases[next]
            // An expanded group's own phrase comes twice in a row (it weighs double): its
            // postings are decoded and scored once, and its part added twice.
            var times = 1
            while next + times < phrases.count, phrases[next + times] == phrase { times += 1 }
            next += times
            if let kept = terms.scores.scored(phrase, weights: weights) {
                try matches.add(kept, times: times)
                continue
            }
            let hits = try hitsByPhrase[phrase] ?? PhraseHits.load(phrase, terms: terms, in: db)
            hitsByPhrase[phrase] = hits
            let bm25 = terms.articles
            let idf = bm25.idf(hits: hits.count)
            // Ids are kept in 32 bits, ascending; a phrase whose blob decodes short (malformed)
            // is not kept.
            var keeping = terms.lastArticle <= UInt32.max && terms.scores.fits(articles: hits.count)
            var kept = PhraseScores.Scored(articles: hits.count, ids: [], scores: [])
            if keeping {
                kept.ids.reserveCapacity(Int(hits.count))
                kept.scores.reserveCapacity(Int(hits.count))
            }
            try hits.forEach { id, length, counts in
                let score = bm25.score(idf: idf, frequency: BM25.frequency(counts: counts, weights: weights), length: length)
                matches.add(id, score, times: times)
                if keeping {
                    keeping = kept.ids.last.map { Int64($0) < id } ?? true
                    kept.ids.append(UInt32(truncatingIfNeeded: id))
                    kept.scores.append(score)
                }
            }
            if keeping, kept.ids.count == hits.count {
                terms.scores.keep(phrase, kept, weights: weights)
            }
        }
        return matches
    }

    /// Adds a phrase's kept scores, `times` times over, as ``find(_:terms:weights:in:)`` adds
    /// those it decodes; in one pass over the arrays, without a bounds check per posting.
    private mutating func add(_ kept: PhraseScores.Scored, times: Int) throws {
        guard let last = kept.ids.last else { return }
        grow(to: Int(last))
        var (scores, matched, ids) = (self.scores, self.matched, self.ids)
        (self.scores, self.matched, self.ids) = ([], [], [])
        defer { (self.scores, self.matched, self.ids) = (scores, matched, ids) }
        var start = 0
        while start < kept.ids.count {
            let end = min(start + Self.checkInterval, kept.ids.count)
            scores.withUnsafeMutableBufferPointer { scores in
                matched.withUnsafeMutableBufferPointer { matched in
                    kept.ids.withUnsafeBufferPointer { keptIDs in
                        kept.scores.withUnsafeBufferPointer { keptScores in
                            for index in start..<end {
                                let id = Int(keptIDs[index])
                                if !matched[id] {
                                    matched[id] = true
                                    ids.append(Int64(id))
                                }
                                for _ in 0..<times { scores[id] += keptScores[index] }
                            }
                        }
                    }
                }
            }
            start = end
            if start < kept.ids.count { try QueryDeadline.check() }
        }
    }
}

/// The articles one phrase occurs in, with its hits per column and each article's length.
private enum PhraseHits {
    /// A stored phrase: its postings (empty when no article holds it).
    case postings(count: Int64, bytes: Data)
    /// Another phrase, as FTS5 matched it: ids, and per row the length then the counts per column.
    case rows(ids: [Int64], values: [Int32])

    static let columns = RankingWeights.fieldNames.count

    var count: Int64 {
        switch self {
        case let .postings(count, _): count
        case let .rows(ids, _): Int64(ids.count)
        }
    }

    static func load(_ phrase: [String], terms: IndexTerms, in db: Database) throws -> PhraseHits {
        if let term = IndexTerms.term(of: phrase) {
            let stored = try terms.postings(ofTerm: term, in: db)
            return .postings(count: stored?.articles ?? 0, bytes: stored?.bytes ?? Data())
        }
        if let stored = try terms.postings(ofPhrase: phrase, in: db) {
            return .postings(count: stored.articles, bytes: stored.bytes)
        }
        var ids: [Int64] = []
        var values: [Int32] = []
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT rowid, needle_phrase_hits(articles_fts) FROM articles_fts WHERE articles_fts MATCH ?"),
            arguments: [ExpandedQuery.quoted(phrase)])
        while let row = try rows.next() {
            let fields = PhraseHitCounts.decode(row[1] ?? Data())
            guard fields.count == 1 + columns else { continue }
            ids.append(row[0])
            values += fields
            if ids.count % ArticleMatches.checkInterval == 0 { try QueryDeadline.check() }
        }
        return .rows(ids: ids, values: values)
    }

    func forEach(_ body: (Int64, Int, UnsafeBufferPointer<Int32>) throws -> Void) throws {
        switch self {
        case let .postings(_, bytes):
            var visited = 0
            try bytes.withUnsafeBytes { raw in
                _ = try PostingList.decode(raw.bindMemory(to: UInt8.self), columns: Self.columns) { id, length, counts in
                    visited += 1
                    if visited % ArticleMatches.checkInterval == 0 { try QueryDeadline.check() }
                    try body(id, length, counts)
                    return true
                }
            }
        case let .rows(ids, values):
            try values.withUnsafeBufferPointer { values in
                for (index, id) in ids.enumerated() {
                    let row = index * (1 + Self.columns)
                    try body(id, Int(values[row]), UnsafeBufferPointer(rebasing: values[(row + 1)..<(row + 1 + Self.columns)]))
                }
            }
        }
    }
}
