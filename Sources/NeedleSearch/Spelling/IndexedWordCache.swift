import GRDB
import Synchronization

/// The words an article was indexed from under each stem (``IndexVocabulary/indexedWords(forStem:in:)``),
/// kept for the life of one open index.
///
/// Turning a stem back into a word reads and tokenizes a whole article, and the same stems
/// come back from message to message (a long message sends a dozen words to correction);
/// in a profile of long searches it was a seventh of the time. At most ``capacity`` stems
/// are kept; when full, the cache starts over.
///
/// ```swift
/// try cache.words(forStem: "exfoli", in: db)   // ["exfoliating", "exfoliation"]
/// ```
final class IndexedWordCache: Sendable {
    static let capacity = 4_096

    private let kept = Mutex<[String: [String]]>([:])

    /// The indexed words of `stem`, read from the index the first time.
    func words(forStem stem: String, in db: Database) throws -> [String] {
        if let words = kept.withLock({ $0[stem] }) { return words }
        let words = try IndexVocabulary.indexedWords(forStem: stem, in: db)
        kept.withLock { kept in
            if kept.count >= Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept[stem] = words
        }
        return words
    }

    /// How many stems are kept.
    var count: Int { kept.withLock { $0.count } }
}
