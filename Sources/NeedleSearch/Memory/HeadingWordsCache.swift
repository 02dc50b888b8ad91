import Synchronization

/// Section headings' words as ``QuestionAnalysis/headingMatch(words:)`` reads them, worked
/// out once per heading for the life of one open index.
///
/// Only an answer needs a heading's words, and the same headings recur from question to
/// question and across articles ("Risks and side effects"). Working them out when an
/// article is read instead cost every search that read new articles (at 10,000 articles,
/// a quarter of a search's time). At most ``capacity`` headings are kept; when full, the
/// cache starts over.
///
/// ```swift
/// let words = caches.headingWords.words(for: "How long does redness last?")
/// analysis.headingMatch(words: words)
/// ```
final class HeadingWordsCache: Sendable {
    static let capacity = 8_192

    private let kept = Mutex<[String: QuestionAnalysis.HeadingWords]>([:])

    /// The words of `heading`; nil for the introduction, which has none.
    func words(for heading: String?) -> QuestionAnalysis.HeadingWords? {
        guard let heading else { return nil }
        if let words = kept.withLock({ $0[heading] }) { return words }
        let words = QuestionAnalysis.HeadingWords(heading)
        kept.withLock { kept in
            if kept.count >= Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept[heading] = words
        }
        return words
    }

    /// How many headings are kept.
    var count: Int { kept.withLock { $0.count } }
}
