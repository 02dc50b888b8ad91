import NIOCore
import Synchronization

/// A token bucket per client address: each client may make `burst` requests at once and
/// `perSecond` on average. Clients unseen for a minute are forgotten when the table grows.
///
/// ```swift
/// let limiter = RateLimiter(perSecond: 50, burst: 100)
/// limiter.admit("127.0.0.1")   // true until the bucket is empty
/// ```
public final class RateLimiter: Sendable {
    private let perSecond: Double
    private let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])
    private static let forgetAfterEntries = 10_000

    private struct Bucket {
        var tokens: Double
        var updated: NIODeadline
    }

    /// A `perSecond` of 0 admits everything.
    public init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = max(1, burst)
    }

    /// Whether `client` may make a request now; takes a token when it may.
    public func admit(_ client: String, at now: NIODeadline = .now()) -> Bool {
        guard perSecond > 0 else { return true }
        return buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            let elapsed = Double((now - bucket.updated).nanoseconds) / 1e9
            bucket.tokens = min(burst, bucket.tokens + max(0, elapsed) * perSecond)
            bucket.updated = now
            let admitted = bucket.tokens >= 1
            if admitted { bucket.tokens -= 1 }
            if buckets.count >= Self.forgetAfterEntries { buckets = buckets.filter { now - $0.value.updated < .minutes(1) } }
            buckets[client] = bucket
            return admitted
        }
    }
}
