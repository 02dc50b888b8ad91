import Foundation
import GRDB
import GRDBSQLite

/// Writes the `passage_terms` table: each passage's tokens as FTS5 indexed them, as term
/// ids, so a query can find its words in a hit's passages by comparing integers instead of
/// tokenizing and Porter-stemming every passage again.
///
/// A passage's row holds a ``PassageTerms`` blob: its heading's tokens then its text's, each
/// token the id of its term in `terms.id`. Ids number the terms that passages hold, most
/// common first, so most tokens take one or two bytes. The table is derived from
/// `passages_fts` through `fts5vocab`
/// (<https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module>), so it holds
/// exactly FTS5's terms and positions; every build rewrites it with `terms`.
enum PassageTermTable {
    static func create(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE passage_terms (id INTEGER PRIMARY KEY, terms BLOB NOT NULL)")
    }

    /// Ids for the terms that passages hold: 1 for the one most passages hold, then down,
    /// ties by term.
    static func termIDs(passageCounts: [String: Int64]) -> [String: Int64] {
        let ranked = passageCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var ids: [String: Int64] = [:]
        ids.reserveCapacity(ranked.count)
        for (rank, entry) in ranked.enumerated() { ids[entry.key] = Int64(rank + 1) }
        return ids
    }

    /// Replaces every row with the current `passages_fts` tokens, numbered with `ids`.
    static func rebuild(_ db: Database, ids: [String: Int64]) throws {
        try db.execute(sql: """
            DELETE FROM passage_terms;
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.build_passage_instances USING fts5vocab(main, passages_fts, instance);
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.build_passage_instances") }
        var layout = try Layout(db)
        try fill(&layout, ids: ids, db)
        let insert = try db.makeStatement(sql: "INSERT INTO passage_terms VALUES (?, ?)")
        for (passage, slot) in layout.slots.sorted(by: { $0.key < $1.key }) {
            let tokens = layout.tokens[slot.start..<(slot.start + slot.heading + slot.text)]
            try insert.execute(arguments: [passage, Data(PassageTerms.encode(heading: slot.heading, tokens: tokens))])
        }
    }

    /// Where each passage's tokens go in one flat array: heading tokens, then text tokens.
    private struct Layout {
        struct Slot {
            var start: Int
            var heading: Int
            var text: Int
        }

        var slots: [Int64: Slot] = [:]
        var tokens: [UInt32]

        /// Sizes the slots from FTS5's `docsize` rows (one varint per column: heading, text).
        init(_ db: Database) throws {
            var total = 0
            for row in try Row.fetchAll(db, sql: "SELECT id, sz FROM passages_fts_docsize") {
                let sizes = FTS5Varint.decodeAll(Array(row[1] as Data? ?? Data()))
                let heading = Int(sizes.first ?? 0)
                let text = Int(sizes.dropFirst().first ?? 0)
                slots[row[0]] = Slot(start: total, heading: heading, text: text)
                total += heading + text
            }
            tokens = [UInt32](repeating: 0, count: total)
        }
    }

    /// Streams every token instance (ordered by term) into its passage's slot.
    private static func fill(_ layout: inout Layout, ids: [String: Int64], _ db: Database) throws {
        let statement = try db.makeStatement(sql: "SELECT term, doc, col, offset FROM temp.build_passage_instances")
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let headingColumn = Array("heading".utf8)
        var term: [UInt8] = []
        var id: UInt32 = 0
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let current = TermTable.bytes(handle, column: 0)
            if current != term {
                term = current
                id = UInt32(ids[String(decoding: term, as: UTF8.self)] ?? 0)
            }
            guard let slot = layout.slots[sqlite3_column_int64(handle, 1)] else { continue }
            let offset = Int(sqlite3_column_int64(handle, 3))
            let inHeading = TermTable.bytes(handle, column: 2) == headingColumn
            let position = inHeading ? offset : slot.heading + offset
            guard offset >= 0, offset < (inHeading ? slot.heading : slot.text) else { continue }
            layout.tokens[slot.start + position] = id
        }
    }
}
