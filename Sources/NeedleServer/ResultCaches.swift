import NeedleProtocol

/// The result caches of one served index: one for `search`, one for `ask`, each holding up
/// to the configured number of answers.
struct ResultCaches: Sendable {
    let search: ResultCache<SearchRequest, SearchResult>
    let ask: ResultCache<AskRequest, AskResult>

    init(capacity: Int) {
        search = ResultCache(capacity: capacity)
        ask = ResultCache(capacity: capacity)
    }

    /// Whether answers are kept at all.
    var isOn: Bool { search.capacity > 0 }

    /// Answers kept now, in both caches.
    var count: Int { search.count + ask.count }
}

/// An answer that reports the time it took (`took_us`), so an answer taken from the cache
/// reports the look-up's time rather than the original run's.
protocol TimedAnswer: Sendable {
    var tookMicroseconds: Int { get set }
}

extension SearchResult: TimedAnswer {}
extension AskResult: TimedAnswer {}
