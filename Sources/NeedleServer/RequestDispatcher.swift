import Logging
import NIOCore
import NIOPosix
import NeedleProtocol
import NeedleSearch

/// Answers one framed request: decodes it, runs its operation, encodes the response line
/// and counts it. Never throws: every failure becomes an `ok:false` response.
///
/// Every operation but `reload` is answered at once on the calling thread (the connection's
/// event loop): the searches are bounded by the request timeout, which SQLite enforces
/// itself (``NeedleSearch/QueryTimeout``), and the rest is work in memory. A `reload` opens
/// and checks a whole index file, so it is answered later, off the event loop.
struct RequestDispatcher: Sendable {
    /// A response line now, or one a future gives later: the work started on the connection's
    /// event loop, run elsewhere, its line back on that loop.
    enum Reply {
        case now([UInt8])
        case later((any EventLoop) -> EventLoopFuture<[UInt8]>)
    }

    let indexes: IndexHolder
    let metrics: ServerMetrics
    let configuration: ServerConfiguration
    let logger: Logger

    func reply(to frame: RequestFrame) -> Reply {
        let start = ContinuousClock.now
        switch frame {
        case .tooLong:
            let limit = configuration.maximumLineLength
            return .now(finish("invalid", .error(ProtocolError(.lineTooLong, "request line longer than \(limit) bytes")), since: start))
        case .line(let bytes):
            switch RequestDecoder.decode(bytes) {
            case .failure(let error):
                return .now(finish("invalid", .error(error), since: start))
            case .success(let request) where request.operation == .reload:
                return .later { [self] loop in
                    NIOThreadPool.singleton.runIfActive(eventLoop: loop) { answer(request, since: start) }
                }
            case .success(let request):
                return .now(answer(request, since: start))
            }
        }
    }

    /// The counted response line to `request` as if it came over the socket: it is checked as
    /// its request line would be (``NeedleProtocol/RequestDecoder/decode(value:)``), so the
    /// protocol's caps and ranges (`limit` above the maximum, a negative `offset`) hold unchanged.
    /// Answered on the calling thread, `reload` included.
    func reply(to request: Request) -> [UInt8] {
        let start = ContinuousClock.now
        switch RequestDecoder.decode(value: request.jsonObject) {
        case .failure(let error): return finish("invalid", .error(error), since: start)
        case .success(let checked): return answer(checked, since: start)
        }
    }

    /// Runs a decoded request and returns its encoded, counted response line.
    private func answer(_ request: Request, since start: ContinuousClock.Instant) -> [UInt8] {
        finish(request.operation.name, answering(request) { try respond(to: request) }, since: start)
    }

    /// Counts the response under `operation` and encodes it.
    private func finish(_ operation: String, _ response: Response, since start: ContinuousClock.Instant) -> [UInt8] {
        var failure: ErrorCode?
        if case .error(let error) = response { failure = error.code }
        metrics.record(operation: operation, microseconds: Int((.now - start) / .microseconds(1)), error: failure)
        return response.encodedLine()
    }

    private func respond(to request: Request) throws -> Response {
        switch request.operation {
        case .search(let search):
            let (index, caches) = indexes.currentWithCaches
            return .search(id: request.id, try cached(search, in: caches.search) { try index.search(search, within: configuration.requestTimeout) })
        case .ask(let ask):
            let (index, caches) = indexes.currentWithCaches
            return .ask(id: request.id, try cached(ask, in: caches.ask) { try index.ask(ask, within: configuration.requestTimeout) })
        case .suggest(let suggest):
            return .suggest(id: request.id, indexes.current.suggest(suggest))
        case .ping:
            return .pong(id: request.id)
        case .stats:
            return .stats(id: request.id, statistics())
        case .reload:
            return .reloaded(id: request.id, try indexes.reload(trigger: "op").info)
        case .metrics:
            return .metrics(id: request.id, prometheus: metrics.prometheusText(index: indexes.current.info))
        }
    }

    /// The answer kept in `cache` for `request`, reporting the look-up's time, or the one
    /// `compute` gives, then kept. Failures are not kept.
    private func cached<Key, Answer: TimedAnswer>(
        _ request: Key, in cache: ResultCache<Key, Answer>, _ compute: () throws -> Answer
    ) throws -> Answer {
        guard cache.capacity > 0 else { return try compute() }
        let start = ContinuousClock.now
        if var hit = cache.lookUp(request) {
            metrics.cacheHit()
            hit.tookMicroseconds = Int((.now - start) / .microseconds(1))
            return hit
        }
        metrics.cacheMissed()
        let answer = try compute()
        cache.store(answer, for: request)
        return answer
    }

    /// The response `work` gives, or the error response for what it threw.
    private func answering(_ request: Request, _ work: () throws -> Response) -> Response {
        do {
            return try work()
        } catch let error as SearchError {
            return .error(error.protocolError(id: request.id))
        } catch let timeout as QueryTimeout {
            logger.warning("request timed out", metadata: ["op": "\(request.operation.name)", "limit": "\(timeout.limit)"])
            return .error(ProtocolError(id: request.id, .timeout, "the request ran longer than \(timeout.limit) and was interrupted"))
        } catch {
            logger.error("request failed", metadata: ["op": "\(request.operation.name)", "error": "\(error)"])
            return .error(ProtocolError(id: request.id, .internal, "\(error)"))
        }
    }

    private func statistics() -> StatsResult {
        StatsResult(
            uptimeSeconds: metrics.uptimeSeconds, requests: metrics.requests, connections: metrics.connectionsOpen.value,
            index: indexes.current.info, errors: metrics.errors, connectionsTotal: metrics.connectionsTotal.value,
            connectionsRefused: metrics.connectionsRefused.value, reloads: metrics.reloads.value,
            reloadFailures: metrics.reloadFailures.value, ops: metrics.operationStatistics, resultCache: cacheStatistics())
    }

    private func cacheStatistics() -> CacheStats {
        let caches = indexes.currentWithCaches.caches
        return CacheStats(
            capacity: caches.search.capacity, entries: caches.count, hits: metrics.cacheHits.value, misses: metrics.cacheMisses.value)
    }
}
