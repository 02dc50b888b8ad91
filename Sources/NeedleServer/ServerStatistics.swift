import Foundation
import Synchronization

/// Counters a running server keeps for `stats`; safe to update from any thread.
final class ServerStatistics: Sendable {
    let startedAt = ContinuousClock.now
    private let requestCount = Atomic<Int>(0)
    private let connectionCount = Atomic<Int>(0)

    func requestAnswered() { requestCount.add(1, ordering: .relaxed) }
    func connectionOpened() { connectionCount.add(1, ordering: .relaxed) }
    func connectionClosed() { connectionCount.subtract(1, ordering: .relaxed) }

    var requests: Int { requestCount.load(ordering: .relaxed) }
    var connections: Int { connectionCount.load(ordering: .relaxed) }
    var uptimeSeconds: Double {
        let elapsed = ContinuousClock.now - startedAt
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
