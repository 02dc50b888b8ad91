import Synchronization

/// Phrases' postings, decoded and scored, kept for the life of one open index (a reload
/// opens a new one): a query's words are read and decoded once, not per query. A phrase the
/// index stores no postings for is kept as FTS5 matched it, so it too is matched once.
///
/// A phrase's bm25 part in an article depends only on the phrase's postings, the column
/// weights and the table's totals, all fixed for an open index; so a phrase's scores per
/// article, computed once by ``ArticleMatches``, are the ones every later query would compute,
/// bit for bit. Reading and decoding the postings of a question's words was a third of a
/// search at 10,000 articles.
///
/// Phrases held by at least ``commonArticles`` articles are kept within ``capacity`` bytes, the
/// others (a stored phrase no article holds too) within ``rareCapacity``, so the many rare
/// words a stream of queries brings do not push out the common ones, which cost the most to
/// decode. When a part is full, the phrases it kept longest are dropped (a quarter of it). A
/// phrase larger than a quarter of ``capacity`` is not kept. Scores are kept for one set of
/// column weights, the first asked for; other weights are not kept.
///
/// ```swift
/// if let kept = scores.scored(["scar"], weights: weights) { kept.ids; kept.scores }
/// scores.keep(["scar"], PhraseScores.Scored(articles: n, ids: ids, scores: values), weights: weights)
/// ```
final class PhraseScores: Sendable {
    /// One phrase's articles (ascending ids) and its bm25 part in each.
    struct Scored: Sendable {
        /// How many articles hold the phrase (for its idf).
        var articles: Int64
        var ids: [UInt32]
        var scores: [Double]

        /// About how many bytes it holds, the phrase and allocations' overhead included.
        var bytes: Int { 192 + 4 * ids.capacity + 8 * scores.capacity }
    }

    /// The bound of ``capacity`` when none is given: 4 MiB (at 10,000 articles, the common
    /// words of about a thousand questions).
    static let defaultCapacity = 4 << 20
    /// The fewest articles a phrase kept within ``capacity`` is held by.
    static let commonArticles: Int64 = 32

    /// The most bytes of common phrases kept (``Scored/bytes``).
    let capacity: Int
    /// The most bytes of rare phrases kept: a quarter of ``capacity``.
    var rareCapacity: Int { capacity / 4 }

    /// Phrases kept within one bound, the oldest first in `order`.
    private struct Part {
        var phrases: [[String]: Scored] = [:]
        var order: [[String]] = []
        var bytes = 0

        mutating func keep(_ phrase: [String], _ scored: Scored, within capacity: Int) {
            let bytes = Self.bytes(of: phrase, scored)
            if self.bytes + bytes > capacity {
                var dropped = 0
                while self.bytes + bytes > capacity * 3 / 4, dropped < order.count {
                    let phrase = order[dropped]
                    self.bytes -= phrases.removeValue(forKey: phrase).map { Self.bytes(of: phrase, $0) } ?? 0
                    dropped += 1
                }
                order.removeFirst(dropped)
            }
            phrases[phrase] = scored
            order.append(phrase)
            self.bytes += bytes
        }

        /// What a kept phrase holds: its scores and its words, which a quoted phrase makes as
        /// long as a request allows.
        static func bytes(of phrase: [String], _ scored: Scored) -> Int {
            phrase.reduce(scored.bytes) { $0 + 16 + $1.utf8.count }
        }
    }

    private struct Kept {
        /// The column weights the scores are for; nil until the first phrase is kept.
        var weights: [Double]?
        var common = Part()
        var rare = Part()
    }

    private let kept = Mutex(Kept())

    init(capacity: Int = PhraseScores.defaultCapacity) {
        self.capacity = capacity
    }

    /// The kept scores of `phrase` under `weights`, if kept.
    func scored(_ phrase: [String], weights: [Double]) -> Scored? {
        kept.withLock { kept in
            guard kept.weights == weights else { return nil }
            return kept.common.phrases[phrase] ?? kept.rare.phrases[phrase]
        }
    }

    /// Whether a phrase `articles` articles hold may be kept.
    func fits(articles: Int64) -> Bool {
        12 * Int(clamping: articles) + 192 <= capacity / 4
    }

    /// Keeps `scored` as `phrase`'s scores under `weights`. Nothing is kept for weights other
    /// than the first kept.
    func keep(_ phrase: [String], _ scored: Scored, weights: [Double]) {
        guard scored.bytes <= capacity / 4 else { return }
        kept.withLock { kept in
            if kept.weights == nil { kept.weights = weights }
            guard kept.weights == weights, kept.common.phrases[phrase] == nil, kept.rare.phrases[phrase] == nil else { return }
            if scored.articles >= Self.commonArticles {
                kept.common.keep(phrase, scored, within: capacity)
            } else {
                kept.rare.keep(phrase, scored, within: rareCapacity)
            }
        }
    }

    /// How many phrases and bytes are kept, common and rare together.
    var usage: (phrases: Int, bytes: Int) {
        kept.withLock { ($0.common.phrases.count + $0.rare.phrases.count, $0.common.bytes + $0.rare.bytes) }
    }
}
