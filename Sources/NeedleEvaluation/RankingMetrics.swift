import Foundation

/// Rank-based retrieval measures over a set of queries with one relevant answer each.
///
/// Feed it the rank of the first right answer per query (`nil` for a miss):
/// ```swift
/// var metrics = RankingMetrics()
/// metrics.add(rank: 1); metrics.add(rank: 3); metrics.add(rank: nil)
/// metrics.meanReciprocalRank(at: 10)  // (1 + 1/3 + 0) / 3
/// ```
public struct RankingMetrics: Sendable, Hashable {
    public private(set) var ranks: [Int?] = []

    public init() {}

    public mutating func add(rank: Int?) {
        ranks.append(rank)
    }

    public var count: Int { ranks.count }

    /// Mean of 1/rank, counting ranks beyond `k` as misses.
    public func meanReciprocalRank(at k: Int) -> Double {
        mean { rank in rank <= k ? 1 / Double(rank) : 0 }
    }

    /// nDCG@k with binary relevance and one relevant answer: 1/log2(rank + 1).
    public func normalizedDiscountedGain(at k: Int) -> Double {
        mean { rank in rank <= k ? 1 / log2(Double(rank) + 1) : 0 }
    }

    /// Share of queries whose right answer is within the first `k` (P@1 when k is 1).
    public func recall(at k: Int) -> Double {
        mean { rank in rank <= k ? 1 : 0 }
    }

    private func mean(_ gain: (Int) -> Double) -> Double {
        guard !ranks.isEmpty else { return 0 }
        return ranks.reduce(0) { sum, rank in sum + (rank.map(gain) ?? 0) } / Double(ranks.count)
    }
}
