import NeedleBench
import Testing

@Suite struct LatencySummaryTests {
    @Test func percentilesAreNearestRankOfTheSortedSamples() {
        let samples = (1...1_000).reversed().map { UInt64($0) * 1_000 }
        let summary = LatencySummary(nanoseconds: samples)
        #expect(summary.count == 1_000)
        #expect(summary.p50 == 500)
        #expect(summary.p90 == 900)
        #expect(summary.p99 == 990)
        #expect(summary.max == 1_000)
        #expect(summary.mean == 500.5)
    }

    @Test(arguments: [(50.0, 2.0), (90.0, 4.0), (99.0, 4.0), (1.0, 1.0), (100.0, 4.0)])
    func aSmallSampleRoundsTheRankUp(percent: Double, expected: Double) {
        #expect(LatencySummary.percentile(percent, of: [1_000, 2_000, 3_000, 4_000]) == expected)
    }

    @Test func noSamplesGiveZeros() {
        let summary = LatencySummary(nanoseconds: [])
        #expect(summary == LatencySummary(nanoseconds: []))
        #expect([summary.count, Int(summary.p99), Int(summary.max), Int(summary.mean)] == [0, 0, 0, 0])
    }
}
