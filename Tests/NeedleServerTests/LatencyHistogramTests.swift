@testable import NeedleServer
import Testing

@Suite struct LatencyHistogramTests {
    @Test func anEmptyHistogramHasZeroPercentiles() {
        let histogram = LatencyHistogram()
        #expect(histogram.percentile(0.5, counts: histogram.counts) == 0)
    }

    @Test func durationsLandInTheBucketOfTheirUpperBound() {
        let histogram = LatencyHistogram()
        for microseconds in [1, 25, 26, 10_000_000, 10_000_001] { histogram.record(microseconds: microseconds) }
        let counts = histogram.counts
        #expect(counts[0] == 2, "1 and 25 µs: the first bucket, up to 25 µs")
        #expect(counts[1] == 1, "26 µs: the bucket up to 50 µs")
        #expect(counts[LatencyHistogram.bounds.count - 1] == 1, "10 s: the last bounded bucket")
        #expect(counts[LatencyHistogram.bounds.count] == 1, "above 10 s: the unbounded bucket")
        #expect(histogram.sumMicroseconds == 1 + 25 + 26 + 10_000_000 + 10_000_001)
    }

    @Test func percentilesAreInterpolatedInsideTheirBucket() {
        let histogram = LatencyHistogram()
        // 100 requests between 100 and 250 µs, then one slow one between 5 and 10 ms.
        for _ in 0..<100 { histogram.record(microseconds: 200) }
        histogram.record(microseconds: 8_000)
        let counts = histogram.counts
        #expect(histogram.percentile(0.5, counts: counts) == 100 + 150 * 51 / 100)
        #expect(histogram.percentile(0.99, counts: counts) == 100 + 150 * 100 / 100)
        #expect(histogram.percentile(1.0, counts: counts) == 10_000)
    }
}
