import Logging
import NeedleProtocol
import NeedleSearch
import UnixSignals

/// Answers protocol requests from an index opened in this process, exactly as `needled` answers
/// them on its socket: the same dispatch, result cache, request timeout, metrics and reload.
///
/// `needled` serves its socket through one; the HTTP gateway's in-process mode answers from one
/// directly, so both give the same reply line for the same request.
///
/// ```swift
/// let responder = IndexResponder(index: try NeedleServer.openIndex(path: "Index/needle.sqlite"), logger: logger)
/// responder.reply(to: Request(id: nil, operation: .ping))   // {"id":null,"ok":true}\n
/// ```
public final class IndexResponder: Sendable {
    let dispatcher: RequestDispatcher

    /// - Parameters:
    ///   - requestTimeout: how long a search or ask may run before it is answered with `timeout`.
    ///   - resultCacheCapacity: answers to repeated search and ask requests kept; 0 turns the cache off.
    public convenience init(
        index: SearchIndex, requestTimeout: Duration = .seconds(10), resultCacheCapacity: Int = 1024, logger: Logger
    ) {
        var configuration = ServerConfiguration(socketPath: "")
        configuration.requestTimeout = requestTimeout
        configuration.resultCacheCapacity = resultCacheCapacity
        self.init(index: index, configuration: configuration, metrics: ServerMetrics(), logger: logger)
    }

    init(index: SearchIndex, configuration: ServerConfiguration, metrics: ServerMetrics, logger: Logger) {
        dispatcher = RequestDispatcher(
            indexes: IndexHolder(index, cacheCapacity: configuration.resultCacheCapacity, metrics: metrics, logger: logger),
            metrics: metrics, configuration: configuration, logger: logger)
    }

    /// The index file being served.
    public var indexPath: String { dispatcher.indexes.current.path }

    /// The reply line to `request`, newline included, computed on the calling thread; counted in
    /// the `metrics` op's text. The request is checked as its request line would be on the socket
    /// (a `limit` over the maximum is capped, a negative one refused). A failure is an `ok:false`
    /// line, never a throw.
    public func reply(to request: Request) -> [UInt8] {
        dispatcher.reply(to: request)
    }

    /// Traps SIGHUP, then, until the returned task is cancelled, reloads the index on each SIGHUP
    /// and, given `watchInterval`, whenever the file is replaced. A refused reload keeps the old index.
    public func startReloading(watchInterval: Duration?) async -> Task<Void, Never> {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        return Task { [indexes = dispatcher.indexes] in
            await IndexReloadTriggers(indexes: indexes, hangups: hangups, watchInterval: watchInterval).run()
        }
    }
}
