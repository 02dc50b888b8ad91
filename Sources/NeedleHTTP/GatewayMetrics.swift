import Synchronization

/// HTTP requests answered by the gateway, by route and status, in the Prometheus text format;
/// `GET /metrics` appends them to the daemon's own.
///
/// ```swift
/// metrics.record(route: "/search", status: 200)
/// metrics.prometheusText()   // needle_http_requests_total{route="/search",status="200"} 1
/// ```
public final class GatewayMetrics: Sendable {
    private struct Key: Hashable, Comparable {
        var route: String
        var status: Int
        static func < (a: Key, b: Key) -> Bool { (a.route, a.status) < (b.route, b.status) }
    }

    private let counts = Mutex<[Key: Int]>([:])

    public init() {}

    /// Counts one answer; `route` is the route's pattern (`/articles/{slug}`), so the label set stays small.
    public func record(route: String, status: Int) {
        counts.withLock { $0[Key(route: route, status: status), default: 0] += 1 }
    }

    public func prometheusText() -> String {
        let snapshot = counts.withLock { $0 }.sorted { $0.key < $1.key }
        var text = "# TYPE needle_http_requests_total counter\n"
        for (key, count) in snapshot {
            text += "needle_http_requests_total{route=\"\(key.route)\",status=\"\(key.status)\"} \(count)\n"
        }
        return text
    }
}
