import Synchronization

/// Values worked out once per key and kept for the life of one open index (a reload opens a
/// new index with empty caches): at most ``capacity`` of them; when full, the cache starts over.
///
/// ```swift
/// let stems = BoundedCache<String, [String]>(capacity: 4_096)
/// let words = try stems.value(for: "exfoli") { try IndexVocabulary.indexedWords(forStem: $0, in: db) }
/// ```
final class BoundedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The most values kept.
    let capacity: Int

    private let kept = Mutex<[Key: Value]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value kept for `key`, or `make(key)`, kept from now on. Two requests that miss
    /// the same key at once both make it; either value is the same.
    func value(for key: Key, orMake make: (Key) throws -> Value) rethrows -> Value {
        if let value = kept.withLock({ $0[key] }) { return value }
        let value = try make(key)
        kept.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = value
        }
        return value
    }

    /// How many values are kept.
    var count: Int { kept.withLock { $0.count } }
}
