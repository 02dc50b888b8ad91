import Foundation

/// FTS5's `bm25()` (SQLite's ext/fts5/fts5_aux.c), computed from the same inputs in the
/// same order, so its scores are bit for bit the ones `bm25()` returns (with the sign
/// flipped: higher is better) and rankings made with it keep FTS5's order.
///
/// For each phrase `i` of a query: idf_i = ln((N − n_i + 0.5) / (n_i + 0.5)), at least
/// 1e-6, where N is the table's row count and n_i the rows holding the phrase; f_i = the
/// phrase's hits in the row, each counting its column's weight; the row scores
/// Σ_i idf_i · f_i · (k1 + 1) / (f_i + k1 · (1 − b + b · D / avgdl)) with D the row's
/// length in tokens and avgdl the table's mean.
///
/// ```swift
/// let bm25 = BM25(rows: 10_000, tokens: 3_000_000)
/// let idf = bm25.idf(hits: 120)
/// let score = bm25.score(idf: idf, frequency: 2, length: 310)
/// ```
struct BM25: Sendable {
    static let k1 = 1.2
    static let b = 0.75

    /// N: the rows of the table.
    let rows: Int64
    /// avgdl: tokens per row.
    let averageLength: Double

    init(rows: Int64, tokens: Int64) {
        self.rows = rows
        averageLength = rows > 0 ? Double(tokens) / Double(rows) : 0
    }

    /// The idf of a phrase that `hits` rows hold.
    func idf(hits: Int64) -> Double {
        let idf = log((Double(rows - hits) + 0.5) / (Double(hits) + 0.5))
        return idf <= 0 ? 1e-6 : idf
    }

    /// One phrase's part of a row's score.
    @inline(__always)
    func score(idf: Double, frequency: Double, length: Int) -> Double {
        idf * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * Double(length) / averageLength)))
    }

    /// f: a phrase's hits in a row, each adding its column's weight (1 for a column without
    /// one), in column order, as FTS5 adds them instance by instance.
    @inline(__always)
    static func frequency(counts: UnsafeBufferPointer<Int32>, weights: [Double]) -> Double {
        var frequency = 0.0
        for column in 0..<counts.count where counts[column] > 0 {
            let weight = column < weights.count ? weights[column] : 1.0
            for _ in 0..<counts[column] { frequency += weight }
        }
        return frequency
    }
}
