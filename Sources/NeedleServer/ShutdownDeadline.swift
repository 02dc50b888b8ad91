import Synchronization

/// A timer that runs an action once graceful shutdown has taken too long.
final class ShutdownDeadline: Sendable {
    private let timer = Mutex<Task<Void, Never>?>(nil)

    /// Runs `action` after `delay` unless ``cancel()`` comes first.
    func start(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        let task = Task {
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            action()
        }
        timer.withLock { $0 = task }
    }

    func cancel() {
        timer.withLock { $0?.cancel() }
    }
}
