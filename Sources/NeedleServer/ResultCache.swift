import Synchronization

/// Recent answers to one kind of request for one index, so a repeated request (FAQ traffic
/// repeats its head questions) is answered without running it again.
///
/// A cache belongs to one index: ``IndexHolder`` makes new, empty ones (``ResultCaches``)
/// whenever it swaps the index, so an answer never outlives the index it came from. The key
/// is the whole request but its `id`, so any parameter that changes an answer (limit, offset,
/// filters, explain) makes another entry. At most `capacity` answers are kept; when full, the
/// CLOCK policy makes room: it approximates least-recently-used with one bit per entry, set
/// on use, and its hand evicts the first entry whose bit is clear, clearing bits as it
/// passes. A capacity of 0 turns the cache off.
///
/// ```swift
/// let cache = ResultCache<SearchRequest, SearchResult>(capacity: 1_024)
/// if let hit = cache.lookUp(request) { return hit }
/// cache.store(try index.search(request), for: request)
/// ```
final class ResultCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Slot {
        var key: Key
        var value: Value
        var used: Bool
    }

    private struct Storage {
        var positions: [Key: Int] = [:]
        var slots: [Slot] = []
        var hand = 0
    }

    let capacity: Int
    private let storage = Mutex(Storage())

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Answers kept now.
    var count: Int { storage.withLock { $0.slots.count } }

    /// The kept answer for `key`, or nil. A hit marks the entry used.
    func lookUp(_ key: Key) -> Value? {
        guard capacity > 0 else { return nil }
        return storage.withLock { storage in
            guard let position = storage.positions[key] else { return nil }
            storage.slots[position].used = true
            return storage.slots[position].value
        }
    }

    /// Keeps `value` for `key`, evicting an entry when full.
    func store(_ value: Value, for key: Key) {
        guard capacity > 0 else { return }
        storage.withLock { storage in
            if let position = storage.positions[key] {
                storage.slots[position].value = value
            } else if storage.slots.count < capacity {
                storage.positions[key] = storage.slots.count
                storage.slots.append(Slot(key: key, value: value, used: false))
            } else {
                while storage.slots[storage.hand].used {
                    storage.slots[storage.hand].used = false
                    storage.hand = (storage.hand + 1) % capacity
                }
                storage.positions[storage.slots[storage.hand].key] = nil
                storage.positions[key] = storage.hand
                storage.slots[storage.hand] = Slot(key: key, value: value, used: false)
                storage.hand = (storage.hand + 1) % capacity
            }
        }
    }
}
