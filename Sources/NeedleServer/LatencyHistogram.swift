/// Request durations counted in fixed buckets, lock-free: recording one is two relaxed atomic adds.
///
/// Percentiles are interpolated inside the bucket that holds them, so they are estimates
/// no further off than that bucket's width (buckets grow roughly ×2–2.5 from 25 µs to 10 s).
final class LatencyHistogram: Sendable {
    /// Upper bounds of the buckets in microseconds; a last, unbounded bucket follows.
    static let bounds: [Int] = [
        25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000,
    ]

    private let buckets = (0...LatencyHistogram.bounds.count).map { _ in AtomicCounter() }
    private let totalMicroseconds = AtomicCounter()

    func record(microseconds: Int) {
        let bucket = Self.bounds.firstIndex { microseconds <= $0 } ?? Self.bounds.count
        buckets[bucket].add()
        totalMicroseconds.add(microseconds)
    }

    /// Bucket counts, not cumulative, the last one unbounded.
    var counts: [Int] { buckets.map(\.value) }
    /// The sum of every recorded duration, in microseconds.
    var sumMicroseconds: Int { totalMicroseconds.value }

    /// The duration below which `fraction` (0…1) of the requests fall, in microseconds; 0 when empty.
    func percentile(_ fraction: Double, counts: [Int]) -> Int {
        let total = counts.reduce(0, +)
        guard total > 0 else { return 0 }
        let rank = max(1, Int((fraction * Double(total)).rounded(.up)))
        var seen = 0
        for (bucket, count) in counts.enumerated() where count > 0 {
            guard seen + count >= rank else {
                seen += count
                continue
            }
            let lower = bucket == 0 ? 0 : Self.bounds[bucket - 1]
            guard bucket < Self.bounds.count else { return lower }
            let within = Double(rank - seen) / Double(count)
            return lower + Int(within * Double(Self.bounds[bucket] - lower))
        }
        return Self.bounds.last ?? 0
    }
}
