import CNeedleSQLite
import Foundation
import GRDB

/// The FTS5 auxiliary function `needle_phrase_hits(table)` (in CNeedleSQLite): for the
/// current row of a full-text query, the row's length in tokens, then for each phrase of
/// the query and each column, the phrase's hits there. These are what `bm25()` reads of a
/// row; with document frequencies stored at index time, ``BM25`` needs nothing else.
///
/// ```swift
/// try PhraseHitCounts.register(db)   // once per connection
/// // SELECT rowid, needle_phrase_hits(passages_fts) FROM passages_fts WHERE passages_fts MATCH ?
/// PhraseHitCounts.decode(blob)       // [length, phrase 0 column 0, phrase 0 column 1, …]
/// ```
public enum PhraseHitCounts {
    /// Makes the function available on `db`.
    public static func register(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        let code = needle_sqlite_register_phrase_hits(UnsafeMutableRawPointer(connection))
        guard code == 0 else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register needle_phrase_hits") }
    }

    /// The function's blob as numbers (little-endian 32-bit integers).
    public static func decode(_ data: Data) -> [Int32] {
        let blob = [UInt8](data)
        return stride(from: 0, to: blob.count - 3, by: 4).map { offset in
            Int32(bitPattern: UInt32(blob[offset]) | UInt32(blob[offset + 1]) << 8 | UInt32(blob[offset + 2]) << 16 | UInt32(blob[offset + 3]) << 24)
        }
    }
}
