import Synchronization

/// Common phrases' postings, decoded and scored, kept for the life of one open index (a
/// reload opens a new one): a query's common words are read and decoded once, not per query.
///
/// A phrase's bm25 part in an article depends only on the phrase's postings, the column
/// weights and the table's totals, all fixed for an open index; so a phrase's scores per
/// article, computed once by ``ArticleMatches``, are the ones every later query would compute,
/// bit for bit. Reading and decoding the postings of a question's common words was a third of
/// a search at 10,000 articles.
///
/// Only phrases at least ``shortestKept`` articles hold are kept (a rare phrase's postings are
/// short and quick to decode), and none larger than a quarter of ``capacity``. At most
/// ``capacity`` bytes are kept; the phrases kept longest are dropped to make room. Scores
/// are kept for one set of column weights, the first asked for; other weights are not kept.
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

        /// About how many bytes it holds, allocations' overhead included.
        var bytes: Int { 128 + 4 * ids.capacity + 8 * scores.capacity }
    }

    /// The bound of ``capacity`` when none is given: 6 MiB.
    static let defaultCapacity = 6 << 20
    /// The fewest articles a phrase kept is held by.
    static let shortestKept: Int64 = 32

    /// The most bytes kept (``Scored/bytes``).
    let capacity: Int

    private struct Kept {
        /// The column weights the scores are for; nil until the first phrase is kept.
        var weights: [Double]?
        var phrases: [[String]: Scored] = [:]
        /// The phrases in the order they were kept: the first are dropped first.
        var order: [[String]] = []
        var bytes = 0
    }

    private let kept = Mutex(Kept())

    init(capacity: Int = PhraseScores.defaultCapacity) {
        self.capacity = capacity
    }

    /// The kept scores of `phrase` under `weights`, if kept.
    func scored(_ phrase: [String], weights: [Double]) -> Scored? {
        kept.withLock { kept in kept.weights == weights ? kept.phrases[phrase] : nil }
    }

    /// Whether a phrase `articles` articles hold is worth keeping, and fits.
    func wants(articles: Int64) -> Bool {
        articles >= Self.shortestKept && 12 * Int(clamping: articles) <= capacity / 4
    }

    /// Keeps `scored` as `phrase`'s scores under `weights`, dropping the phrases kept
    /// longest to make room. Nothing is kept for weights other than the first kept.
    func keep(_ phrase: [String], _ scored: Scored, weights: [Double]) {
        let bytes = scored.bytes
        guard bytes <= capacity / 4 else { return }
        kept.withLock { kept in
            if kept.weights == nil { kept.weights = weights }
            guard kept.weights == weights, kept.phrases[phrase] == nil else { return }
            var dropped = 0
            while kept.bytes + bytes > capacity, dropped < kept.order.count {
                kept.bytes -= kept.phrases.removeValue(forKey: kept.order[dropped])?.bytes ?? 0
                dropped += 1
            }
            kept.order.removeFirst(dropped)
            kept.phrases[phrase] = scored
            kept.order.append(phrase)
            kept.bytes += bytes
        }
    }

    /// How many phrases and bytes are kept.
    var usage: (phrases: Int, bytes: Int) {
        kept.withLock { ($0.phrases.count, $0.bytes) }
    }
}
