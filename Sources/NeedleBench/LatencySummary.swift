/// Percentiles of a set of latency samples, in microseconds.
///
/// Percentiles use the nearest-rank method on the sorted samples: p99 of 1,000
/// samples is the 990th smallest. No interpolation, so every figure is a latency
/// that was really observed.
///
/// ```swift
/// let summary = LatencySummary(nanoseconds: [1_000, 2_000, 3_000, 4_000])
/// summary.p50 // 2.0 (µs)
/// summary.max // 4.0
/// ```
public struct LatencySummary: Sendable, Hashable, Codable {
    public var count: Int
    public var mean: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double

    /// Figures summarized elsewhere (another tool's report), in microseconds.
    public init(count: Int, mean: Double, p50: Double, p90: Double, p99: Double, max: Double) {
        self.count = count
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
    }

    /// Summarizes samples given in nanoseconds; all figures are zero when there are none.
    public init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        let total = sorted.reduce(0.0) { $0 + Double($1) }
        mean = sorted.isEmpty ? 0 : total / Double(sorted.count) / 1_000
        p50 = Self.percentile(50, of: sorted)
        p90 = Self.percentile(90, of: sorted)
        p99 = Self.percentile(99, of: sorted)
        max = Double(sorted.last ?? 0) / 1_000
    }

    /// The nearest-rank `percent` percentile of `sorted` (ascending, nanoseconds), in microseconds.
    public static func percentile(_ percent: Double, of sorted: [UInt64]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        let index = Swift.min(Swift.max(rank, 1), sorted.count) - 1
        return Double(sorted[index]) / 1_000
    }
}
