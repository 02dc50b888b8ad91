import CoreMetrics
import NeedleProtocol

/// The counters of one op: lock-free atomics for `stats`, swift-metrics counters for the
/// Prometheus exposition, and a fixed-bucket latency histogram for both.
final class OperationMetrics: Sendable {
    let name: String
    let requests = AtomicCounter()
    let errors = AtomicCounter()
    let latency = LatencyHistogram()
    private let requestCounter: CoreMetrics.Counter
    private let errorCounters: [ErrorCode: CoreMetrics.Counter]

    init(name: String, factory: any MetricsFactory) {
        self.name = name
        requestCounter = CoreMetrics.Counter(label: "needle_requests_total", dimensions: [("op", name)], factory: factory)
        errorCounters = Dictionary(uniqueKeysWithValues: ErrorCode.allCases.map { code in
            (code, CoreMetrics.Counter(
                label: "needle_errors_total", dimensions: [("op", name), ("code", code.rawValue)], factory: factory))
        })
    }

    /// Counts one answered request; `error` is the code it was answered with, if it failed.
    func record(microseconds: Int, error: ErrorCode?) {
        requests.add()
        requestCounter.increment()
        latency.record(microseconds: microseconds)
        if let error {
            errors.add()
            errorCounters[error]?.increment()
        }
    }

    /// The op's line in `stats`.
    var statistics: OperationStats {
        let counts = latency.counts
        return OperationStats(
            requests: requests.value, errors: errors.value,
            p50Microseconds: latency.percentile(0.5, counts: counts),
            p90Microseconds: latency.percentile(0.9, counts: counts),
            p99Microseconds: latency.percentile(0.99, counts: counts))
    }
}
