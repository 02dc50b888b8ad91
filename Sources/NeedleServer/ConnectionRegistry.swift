import NIOCore
import Synchronization

/// The connections being served: counted against the limit, and closed by force when
/// graceful shutdown runs out of time.
final class ConnectionRegistry: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Registers `channel` unless `limit` connections are already served; true when admitted.
    func admit(_ channel: any Channel, limit: Int) -> Bool {
        channels.withLock { channels in
            guard channels.count < limit else { return false }
            channels[ObjectIdentifier(channel)] = channel
            return true
        }
    }

    func remove(_ channel: any Channel) {
        _ = channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Closes every connection still open; returns how many there were.
    @discardableResult
    func closeAll() -> Int {
        let open = channels.withLock { Array($0.values) }
        for channel in open { channel.close(promise: nil) }
        return open.count
    }
}
