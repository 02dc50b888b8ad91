import Foundation

/// A bounded first-in, first-out queue that hands work from one thread to another,
/// such as parsed articles from the thread that reads the corpus to the one that
/// writes them to SQLite.
///
/// The producer blocks when `capacity` elements wait (until half of them are taken),
/// so memory stays bounded however far it gets ahead; the consumer blocks while the
/// queue is empty. Either side may end the exchange: the producer with ``finish(_:)``,
/// handing over a final outcome, the consumer with ``cancel()`` when it fails, after
/// which ``send(_:)`` returns `false` so the producer can stop early.
///
/// ```swift
/// let handoff = Handoff<Article, CorpusReader.Outcome>(capacity: 64)
/// // producer thread: for article in parsed { guard handoff.send(article) else { break } }; handoff.finish(outcome)
/// // consumer:        while case .element(let article) = handoff.receive() { try write(article) }
/// ```
public final class Handoff<Element: Sendable, Outcome: Sendable>: @unchecked Sendable {
    /// What the consumer receives next.
    public enum Item {
        case element(Element)
        /// The producer is done; nothing follows.
        case finished(Outcome)
    }

    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var waiting: [Element] = []
    private var outcome: Outcome?
    private var cancelled = false

    public init(capacity: Int) {
        precondition(capacity > 0, "a handoff needs room for at least one element")
        self.capacity = capacity
        waiting.reserveCapacity(capacity)
    }

    /// Queues `element`, waiting while the queue is full; `false` once the consumer cancelled.
    public func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if waiting.count >= capacity {
            // Wait until the consumer has taken half, so the two threads wake each other
            // once per half a queue rather than once per element.
            while waiting.count > capacity / 2, !cancelled { condition.wait() }
        }
        guard !cancelled else { return false }
        waiting.append(element)
        if waiting.count == 1 { condition.broadcast() }
        return true
    }

    /// Ends the stream: the consumer receives `outcome` after the elements queued before it.
    public func finish(_ outcome: Outcome) {
        condition.lock()
        defer { condition.unlock() }
        self.outcome = outcome
        condition.broadcast()
    }

    /// The next element in the order sent, or the outcome once every element was received.
    public func receive() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty, outcome == nil { condition.wait() }
        if waiting.isEmpty, let outcome { return .finished(outcome) }
        // At most `capacity` elements wait, so shifting the rest down is cheap.
        let element = waiting.removeFirst()
        if waiting.count == capacity / 2 { condition.broadcast() }
        return .element(element)
    }

    /// Tells the producer to stop, then waits until it has finished; returns its outcome.
    @discardableResult
    public func cancel() -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        waiting.removeAll()
        condition.broadcast()
        while true {
            if let outcome { return outcome }
            condition.wait()
        }
    }
}
