import NeedleProtocol

/// The best suggestions for the prefixes that begin many names, worked out once when the
/// completer is built.
///
/// A one- or two-letter prefix continues tens of thousands of names at 10,000 articles, and
/// ranking every one of them on each keystroke made those the slowest `suggest` requests.
/// Every prefix of up to ``longestPrefix`` bytes that begins more than ``minimumRange``
/// entries keeps its best ``SuggestRequest/maximumLimit`` names. A request with a smaller
/// limit takes the first of them: ranks order articles totally, so the best `k` of the
/// best 50 are the best `k`. A prefix that keeps fewer names than a request asks for is
/// answered the long way, where a typo may fill the list.
///
/// ```swift
/// completer.popular.names(for: Array("s".utf8), limit: 8) // the best 8 names, or nil
/// ```
struct PopularPrefixes: Sendable {
    /// Prefixes continued by at most this many entries are ranked on every request.
    static let minimumRange = 256
    /// Longer prefixes are not kept (their ranges are short anyway).
    static let longestPrefix = 8

    /// The best names of each kept prefix, keyed by the prefix's bytes packed like
    /// ``NameCompleter/Entry/head``: unique, since no key holds a zero byte.
    private let best: [UInt64: [Int32]]

    static let none = PopularPrefixes(best: [:])

    private init(best: [UInt64: [Int32]]) {
        self.best = best
    }

    /// Ranks the names of every prefix of `completer` that begins many of its entries.
    init(_ completer: NameCompleter) {
        var best: [UInt64: [Int32]] = [:]
        let entries = completer.entries
        for length in 1...Self.longestPrefix {
            let mask = UInt64.max << UInt64(8 * (8 - length))
            var start = 0
            while start < entries.count {
                let head = entries[start].head & mask
                var end = start + 1
                while end < entries.count, entries[end].head & mask == head { end += 1 }
                // A head ending in a zero byte is a key shorter than `length`: no prefix.
                if end - start > Self.minimumRange, head >> UInt64(8 * (8 - length)) & 0xFF != 0 {
                    let prefix = Self.bytes(of: head, count: length)
                    let names = completer.bestNames(in: start..<end, typed: prefix, limit: SuggestRequest.maximumLimit)
                    best[head] = names.map { Int32($0) }
                }
                start = end
            }
        }
        self.best = best
    }

    /// The best `limit` names for `prefix` when it is kept with at least that many, or
    /// when it is too short for a typo to add more; otherwise nil.
    func names(for prefix: [UInt8], limit: Int) -> ArraySlice<Int32>? {
        guard prefix.count <= Self.longestPrefix, let names = best[Self.packed(prefix)] else { return nil }
        guard names.count >= limit || prefix.count < NameCompleter.minimumTypoLength else { return nil }
        return names.prefix(limit)
    }

    /// How many prefixes are kept.
    var count: Int { best.count }

    private static func packed(_ prefix: [UInt8]) -> UInt64 {
        var packed: UInt64 = 0
        for position in 0..<8 { packed = packed << 8 | UInt64(position < prefix.count ? prefix[position] : 0) }
        return packed
    }

    private static func bytes(of head: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: head >> UInt64(8 * (7 - $0))) }
    }
}
