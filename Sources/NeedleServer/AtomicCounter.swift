import Synchronization

/// One lock-free counter, as a reference so counters can live in arrays and dictionaries.
final class AtomicCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Adds `amount` and returns the new value.
    @discardableResult
    func add(_ amount: Int = 1) -> Int { count.add(amount, ordering: .relaxed).newValue }
    func subtract(_ amount: Int = 1) { count.subtract(amount, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
