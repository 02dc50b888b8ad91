import Synchronization

/// A counter shared between test tasks.
final class SharedCount: Sendable {
    private let count = Atomic<Int>(0)

    func add(_ amount: Int) { count.add(amount, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
