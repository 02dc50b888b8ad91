import CoreMetrics
import NeedleProtocol
import Prometheus

/// Everything a running server counts, for `stats` and the Prometheus exposition.
///
/// The hot path (one request answered) costs a few relaxed atomic adds and no lock:
/// the per-op table is built once, and swift-prometheus counters are atomics too.
/// Counters and gauges go through swift-metrics into a private Prometheus registry;
/// the latency histograms are rendered beside them in the same text format.
final class ServerMetrics: Sendable {
    /// The ops counted one by one; lines that were no valid request count as `invalid`.
    static let operationNames = ["search", "suggest", "ask", "ping", "stats", "reload", "metrics", "invalid"]

    let startedAt = ContinuousClock.now
    let connectionsOpen = AtomicCounter()
    let connectionsTotal = AtomicCounter()
    let connectionsRefused = AtomicCounter()
    let reloads = AtomicCounter()
    let reloadFailures = AtomicCounter()
    /// `search` and `ask` requests answered from the result cache, and those it did not hold.
    let cacheHits = AtomicCounter()
    let cacheMisses = AtomicCounter()
    private let operations: [String: OperationMetrics]
    private let registry: PrometheusCollectorRegistry
    private let connectionGauge: CoreMetrics.Meter
    private let acceptedCounter: CoreMetrics.Counter
    private let refusedCounter: CoreMetrics.Counter
    private let reloadCounter: CoreMetrics.Counter
    private let reloadFailureCounter: CoreMetrics.Counter
    private let cacheHitCounter: CoreMetrics.Counter
    private let cacheMissCounter: CoreMetrics.Counter
    private let uptimeGauge: CoreMetrics.Gauge
    private let indexGauges: [String: CoreMetrics.Gauge]

    init() {
        let registry = PrometheusCollectorRegistry()
        let factory = PrometheusMetricsFactory(registry: registry)
        self.registry = registry
        operations = Dictionary(uniqueKeysWithValues: Self.operationNames.map { ($0, OperationMetrics(name: $0, factory: factory)) })
        connectionGauge = CoreMetrics.Meter(label: "needle_connections", factory: factory)
        acceptedCounter = CoreMetrics.Counter(label: "needle_connections_total", factory: factory)
        refusedCounter = CoreMetrics.Counter(label: "needle_connections_refused_total", factory: factory)
        reloadCounter = CoreMetrics.Counter(label: "needle_reloads_total", factory: factory)
        reloadFailureCounter = CoreMetrics.Counter(label: "needle_reload_failures_total", factory: factory)
        cacheHitCounter = CoreMetrics.Counter(label: "needle_result_cache_hits_total", factory: factory)
        cacheMissCounter = CoreMetrics.Counter(label: "needle_result_cache_misses_total", factory: factory)
        uptimeGauge = CoreMetrics.Gauge(label: "needle_uptime_seconds", factory: factory)
        indexGauges = Dictionary(uniqueKeysWithValues: ["articles", "passages", "synonyms", "schema_version"].map {
            ($0, CoreMetrics.Gauge(label: "needle_index_\($0)", factory: factory))
        })
    }

    /// Counts one answered request under its op (unknown names count as `invalid`).
    func record(operation: String, microseconds: Int, error: ErrorCode?) {
        (operations[operation] ?? operations["invalid"])?.record(microseconds: microseconds, error: error)
    }

    func connectionOpened() {
        connectionsOpen.add()
        connectionsTotal.add()
        connectionGauge.increment()
        acceptedCounter.increment()
    }

    func connectionClosed() {
        connectionsOpen.subtract()
        connectionGauge.decrement()
    }

    func connectionRefused() {
        connectionsTotal.add()
        connectionsRefused.add()
        acceptedCounter.increment()
        refusedCounter.increment()
    }

    func reloaded() {
        reloads.add()
        reloadCounter.increment()
    }

    func reloadFailed() {
        reloadFailures.add()
        reloadFailureCounter.increment()
    }

    func cacheHit() {
        cacheHits.add()
        cacheHitCounter.increment()
    }

    func cacheMissed() {
        cacheMisses.add()
        cacheMissCounter.increment()
    }

    var uptimeSeconds: Double {
        let elapsed = ContinuousClock.now - startedAt
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    var requests: Int { operations.values.reduce(0) { $0 + $1.requests.value } }
    var errors: Int { operations.values.reduce(0) { $0 + $1.errors.value } }

    /// Every op's counters and percentiles, keyed by op name.
    var operationStatistics: [String: OperationStats] { operations.mapValues(\.statistics) }

    /// The Prometheus text exposition (format 0.0.4) of every metric, `index` describing the served index.
    func prometheusText(index: IndexInfo) -> String {
        uptimeGauge.record(uptimeSeconds)
        indexGauges["articles"]?.record(index.meta.articles)
        indexGauges["passages"]?.record(index.meta.passages)
        indexGauges["synonyms"]?.record(index.meta.synonyms)
        indexGauges["schema_version"]?.record(index.meta.schemaVersion)
        var text = registry.emitToString()
        text += "# TYPE needle_request_duration_seconds histogram\n"
        for name in Self.operationNames {
            guard let operation = operations[name] else { continue }
            text += histogramLines(operation)
        }
        return text
    }

    private func histogramLines(_ operation: OperationMetrics) -> String {
        let counts = operation.latency.counts
        var lines = ""
        var cumulative = 0
        for (bucket, count) in counts.enumerated() {
            cumulative += count
            let bound = bucket < LatencyHistogram.bounds.count ? "\(Double(LatencyHistogram.bounds[bucket]) / 1e6)" : "+Inf"
            lines += "needle_request_duration_seconds_bucket{op=\"\(operation.name)\",le=\"\(bound)\"} \(cumulative)\n"
        }
        lines += "needle_request_duration_seconds_sum{op=\"\(operation.name)\"} \(Double(operation.latency.sumMicroseconds) / 1e6)\n"
        lines += "needle_request_duration_seconds_count{op=\"\(operation.name)\"} \(cumulative)\n"
        return lines
    }
}
