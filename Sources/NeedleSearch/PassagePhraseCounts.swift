import Synchronization

/// How many passages hold each phrase of several words that questions asked for, kept for
/// the life of one open index (a reload opens a new one).
///
/// A word's count is stored in `terms`; a phrase's is counted by FTS5, which reads the
/// positions of every passage holding its words: for a name of common words ("skin
/// needling") that is most of the index. Questions ask about the same names again and
/// again, so each phrase is counted once. At most ``capacity`` phrases are kept; when full,
/// the counts start over.
///
/// ```swift
/// let count = try phraseCounts.count(of: ["skin", "needling"]) { try countWithFTS5() }
/// ```
final class PassagePhraseCounts: Sendable {
    static let capacity = 4_096

    private let counts = Mutex<[[String]: Int64]>([:])

    /// The kept count of `phrase`, or the one `count` gives, then kept.
    func count(of phrase: [String], otherwise count: () throws -> Int64) rethrows -> Int64 {
        if let known = counts.withLock({ $0[phrase] }) { return known }
        let counted = try count()
        counts.withLock { counts in
            if counts.count >= Self.capacity { counts.removeAll(keepingCapacity: true) }
            counts[phrase] = counted
        }
        return counted
    }

    /// How many phrases are kept.
    var count: Int { counts.withLock { $0.count } }
}
