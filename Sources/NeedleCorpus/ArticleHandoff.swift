import Foundation

/// A bounded first-in, first-out queue that hands parsed articles from the thread
/// that reads and parses the corpus to the thread that consumes them.
///
/// The parser blocks when `capacity` articles wait (until half of them are taken), so
/// memory stays bounded however far the parser gets ahead; the consumer blocks while
/// the queue is empty. Either
/// side may end the exchange: the parser with ``finish(_:)`` once the corpus is read,
/// the consumer with ``cancel()`` when it fails, after which ``send(_:)`` returns
/// `false` and the parser stops early.
///
/// ```swift
/// let handoff = ArticleHandoff(capacity: 64)
/// // parser thread:  for article in parsed { guard handoff.send(article) else { break } }; handoff.finish(outcome)
/// // consumer:       while case .article(let article) = handoff.receive() { try write(article) }
/// ```
final class ArticleHandoff: @unchecked Sendable {
    /// What the consumer receives next.
    enum Item {
        case article(Article)
        /// The parser is done; nothing follows.
        case finished(CorpusReader.Outcome)
    }

    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var waiting: [Article] = []
    private var outcome: CorpusReader.Outcome?
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity > 0, "a handoff needs room for at least one article")
        self.capacity = capacity
        waiting.reserveCapacity(capacity)
    }

    /// Queues `article`, waiting while the queue is full; `false` once the consumer cancelled.
    func send(_ article: Article) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if waiting.count >= capacity {
            // Wait until the consumer has taken half, so the two threads wake each other
            // once per half a queue rather than once per article.
            while waiting.count > capacity / 2, !cancelled { condition.wait() }
        }
        guard !cancelled else { return false }
        waiting.append(article)
        if waiting.count == 1 { condition.broadcast() }
        return true
    }

    /// Ends the stream: the consumer receives `outcome` after the articles queued before it.
    func finish(_ outcome: CorpusReader.Outcome) {
        condition.lock()
        defer { condition.unlock() }
        self.outcome = outcome
        condition.broadcast()
    }

    /// The next article in the order sent, or the outcome once every article was received.
    func receive() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, outcome == nil { condition.wait() }
        if waiting.isEmpty, let outcome { return .finished(outcome) }
        // At most `capacity` articles wait, so shifting the rest down is cheap.
        let article = waiting.removeFirst()
        if waiting.count == capacity / 2 { condition.broadcast() }
        return .article(article)
    }

    /// Tells the parser to stop, then waits until it has finished.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
        while outcome == nil { condition.wait() }
    }
}
