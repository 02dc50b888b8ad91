/// What `stats` reports about the result cache: its size and how often it answered.
///
/// `hits` and `misses` count `search` and `ask` requests since start, over every index
/// served; `entries` are the answers kept for the index served now.
public struct CacheStats: Sendable, Hashable, Decodable {
    /// Answers the cache may keep per op (`--result-cache`); 0 when it is off.
    public var capacity: Int
    /// Answers kept now, both ops together.
    public var entries: Int
    /// Requests answered from the cache.
    public var hits: Int
    /// Requests the cache did not hold, and ran.
    public var misses: Int
    /// The share of looked-up requests answered from the cache, 0 before the first.
    public var hitRate: Double

    public init(capacity: Int, entries: Int, hits: Int, misses: Int) {
        self.capacity = capacity
        self.entries = entries
        self.hits = hits
        self.misses = misses
        let lookedUp = Double(hits) + Double(misses)
        self.hitRate = lookedUp > 0 ? Double(hits) / lookedUp : 0
    }

    enum CodingKeys: String, CodingKey {
        case capacity, entries, hits, misses
        case hitRate = "hit_rate"
    }
}

extension CacheStats: JSONObject {
    static let jsonFields: JSONFields<CacheStats> = [
        JSONField(.capacity, \.capacity),
        JSONField(.entries, \.entries),
        JSONField(.hits, \.hits),
        JSONField(.misses, \.misses),
        JSONField(.hitRate, \.hitRate),
    ]
}
