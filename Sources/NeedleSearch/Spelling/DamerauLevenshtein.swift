/// The Damerau–Levenshtein distance between two words, in its optimal string alignment
/// form: the fewest insertions, deletions, substitutions and swaps of two adjacent
/// characters that turn one word into the other, no part of the word edited twice.
///
/// Typo tolerance only cares about small distances, so the computation takes a bound
/// and gives up as soon as the distance must exceed it: two words whose lengths differ by
/// more than the bound cost nothing, and a row of the table that is all above the bound
/// ends the work early.
///
/// ```swift
/// DamerauLevenshtein.distance(Array("melazma".utf8), Array("melasma".utf8), atMost: 1) // 1
/// DamerauLevenshtein.distance(Array("mirco".utf8), Array("micro".utf8), atMost: 1)     // 1 (a swap)
/// DamerauLevenshtein.distance(Array("peel".utf8), Array("laser".utf8), atMost: 2)      // nil
/// ```
enum DamerauLevenshtein {
    /// The distance between `source` and `target`, or `nil` when it is larger than `bound`.
    static func distance<Source: RandomAccessCollection, Target: RandomAccessCollection>(
        _ source: Source, _ target: Target, atMost bound: Int
    ) -> Int? where Source.Element: Equatable, Target.Element == Source.Element, Source.Index == Int, Target.Index == Int {
        guard abs(source.count - target.count) <= bound else { return nil }
        if source.isEmpty || target.isEmpty { return max(source.count, target.count) }
        let width = target.count + 1
        // Three rows of the table, reused in turn: two rows back (for swaps), the previous
        // row and the current one. On the stack, because correction tries thousands of words.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var (twoBack, previous, current) = (0, width, 2 * width)
            for column in 0..<width { rows[previous + column] = column }
            for row in 1...source.count {
                rows[current] = row
                var rowMinimum = row
                let character = source[source.startIndex + row - 1]
                for column in 1..<width {
                    let cost = character == target[target.startIndex + column - 1] ? 0 : 1
                    var best = min(rows[previous + column] + 1, rows[current + column - 1] + 1, rows[previous + column - 1] + cost)
                    if row > 1, column > 1, character == target[target.startIndex + column - 2],
                       source[source.startIndex + row - 2] == target[target.startIndex + column - 1] {
                        best = min(best, rows[twoBack + column - 2] + 1)
                    }
                    rows[current + column] = best
                    rowMinimum = min(rowMinimum, best)
                }
                // A swap reaches back two rows, but never below the diagonal cell of the row
                // between, so a row entirely above the bound ends the search.
                guard rowMinimum <= bound else { return nil }
                (twoBack, previous, current) = (previous, current, twoBack)
            }
            let distance = rows[previous + width - 1]
            return distance <= bound ? distance : nil
        }
    }
}
