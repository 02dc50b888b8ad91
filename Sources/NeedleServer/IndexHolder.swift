import Logging
import NeedleIndex
import NeedleProtocol
import NeedleSearch
import Synchronization

/// The index being served, swapped whole on reload, with its ``ResultCaches``.
///
/// A request takes the current ``SearchIndex`` once and finishes on it, so a reload
/// never disturbs requests in flight: the old index is closed when the last of them
/// lets go of it. Each index gets a new, empty result cache, so no answer outlives its index. A new index is checked (``IndexCheck``) before the swap; a bad one is
/// refused and the old one keeps serving. When reloads overlap, the one started last wins.
final class IndexHolder: Sendable {
    private struct Served {
        var index: SearchIndex
        var caches: ResultCaches
        /// The ticket of the reload that installed `index` (0 for the first one).
        var ticket: Int
    }

    private let served: Mutex<Served>
    private let tickets = AtomicCounter()
    private let metrics: ServerMetrics
    private let logger: Logger

    private let cacheCapacity: Int

    init(_ index: SearchIndex, cacheCapacity: Int = 0, metrics: ServerMetrics, logger: Logger) {
        self.served = Mutex(Served(index: index, caches: ResultCaches(capacity: cacheCapacity), ticket: 0))
        self.cacheCapacity = cacheCapacity
        self.metrics = metrics
        self.logger = logger
    }

    var current: SearchIndex { served.withLock { $0.index } }

    /// The current index and its result caches, taken together.
    var currentWithCaches: (index: SearchIndex, caches: ResultCaches) { served.withLock { ($0.index, $0.caches) } }

    /// Opens and checks the index file again, with the same readers and mapping, and serves
    /// it from now on; `trigger` says
    /// who asked (`op`, `SIGHUP`, `watch`) for the log. On failure the old index stays.
    @discardableResult
    func reload(trigger: String) throws -> SearchIndex {
        let ticket = tickets.add()
        let serving = current
        let path = serving.path
        do {
            let fresh = try IndexCheck.open(path: path, readers: serving.readers, mappedBytes: serving.mappedBytes)
            served.withLock { served in
                if ticket > served.ticket { served = Served(index: fresh, caches: ResultCaches(capacity: cacheCapacity), ticket: ticket) }
            }
            metrics.reloaded()
            logger.info("reloaded index", metadata: [
                "trigger": "\(trigger)", "path": "\(path)", "digest": "\(fresh.meta.corpusDigest)",
                "articles": "\(fresh.meta.articles)", "built_at": "\(fresh.meta.builtAt)",
            ])
            return fresh
        } catch {
            metrics.reloadFailed()
            logger.error("reload refused; the old index keeps serving", metadata: [
                "trigger": "\(trigger)", "path": "\(path)", "reason": "\(error)",
            ])
            throw error
        }
    }
}

extension SearchIndex {
    /// The index facts as `stats` and `reload` report them.
    var info: IndexInfo {
        IndexInfo(path: path, meta: meta)
    }
}
