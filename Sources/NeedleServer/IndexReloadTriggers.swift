import Logging
import UnixSignals

/// Reloads the index when the operator asks with SIGHUP and, when watching, when the
/// index file is replaced (checked every `watchInterval`). Runs until cancelled.
///
/// `hangups` is created before the server listens, so a SIGHUP sent as soon as the daemon
/// answers is already trapped instead of ending the process.
struct IndexReloadTriggers: Sendable {
    let indexes: IndexHolder
    let hangups: UnixSignalsSequence
    let watchInterval: Duration?

    func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await reloadOnHangup() }
            if let watchInterval {
                group.addTask { await reloadOnChange(every: watchInterval) }
            }
        }
    }

    private func reloadOnHangup() async {
        for await _ in hangups {
            _ = try? indexes.reload(trigger: "SIGHUP")
        }
    }

    /// Polls the file's identity; a failed reload is not retried until the file changes again.
    private func reloadOnChange(every interval: Duration) async {
        let path = indexes.current.path
        var seen = IndexFileIdentity(path: path)
        while (try? await Task.sleep(for: interval)) != nil {
            let now = IndexFileIdentity(path: path)
            guard now != seen, now != nil else { continue }
            seen = now
            _ = try? indexes.reload(trigger: "watch")
        }
    }
}
