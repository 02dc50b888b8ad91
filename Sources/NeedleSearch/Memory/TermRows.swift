import Foundation
import GRDB
import Synchronization

/// The `terms` rows requests looked up by word, kept for the life of one open index: each
/// term's id (how `passage_terms` names it) and how many passages hold it.
///
/// A search looks up its words' ids to find them in passages, an answer its words' ids and
/// passage counts; the same words come again and again. At most ``capacity`` terms of at
/// most ``longestKept`` bytes are kept (about 1 MiB; a longer word, which only a made-up
/// query sends, is looked up every time); when full, the store starts over.
///
/// ```swift
/// let rows = try termRows.rows(["scar", "acn"], in: db)
/// rows["scar"]?.id        // its terms.id; 0 when no passage holds it
/// ```
final class TermRows: Sendable {
    /// One term's row; id and count 0 for a term the index does not hold.
    struct Entry: Sendable, Equatable {
        var id: UInt32
        var passages: Int64
    }

    static let capacity = 16_384
    static let longestKept = 64

    private let kept = Mutex<[String: Entry]>([:])

    /// The rows of `terms`, every one of them (a term the index lacks has id 0).
    func rows(_ terms: some Collection<String>, in db: Database) throws -> [String: Entry] {
        var found: [String: Entry] = [:]
        var missing: [String] = []
        kept.withLock { kept in
            for term in terms {
                if let entry = kept[term] { found[term] = entry } else { missing.append(term) }
            }
        }
        guard !missing.isEmpty else { return found }
        var read = Dictionary(uniqueKeysWithValues: missing.map { ($0, Entry(id: 0, passages: 0)) })
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT term, id, passages FROM terms WHERE term IN (SELECT value FROM json_each(?))"),
            arguments: [Self.jsonArray(missing)])
        while let row = try cursor.next() {
            read[row[0]] = Entry(id: UInt32(truncatingIfNeeded: row[1] as Int64), passages: row[2])
        }
        let keep = read.filter { $0.key.utf8.count <= Self.longestKept }
        kept.withLock { kept in
            if kept.count + keep.count > Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept.merge(keep) { $1 }
        }
        return found.merging(read) { $1 }
    }

    /// How many terms are kept.
    var count: Int { kept.withLock { $0.count } }

    /// Strings as a JSON array. Terms are folded words (letters and digits), but any
    /// character is escaped as JSON requires.
    static func jsonArray(_ strings: [String]) -> String {
        var json = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case _ where scalar.value < 0x20: json += String(format: "\\u%04x", scalar.value)
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }
}
