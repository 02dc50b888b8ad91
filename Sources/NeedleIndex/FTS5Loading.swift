import GRDB

/// FTS5 settings for loading a whole corpus at once, and their reset afterwards.
///
/// By default FTS5 flushes its in-memory terms every 1 MiB (`hashsize`) and merges
/// segments as they pile up (`automerge`, `crisismerge`), then `optimize` merges
/// everything again. For a bulk load that ends in `optimize` the intermediate
/// merges are wasted work: a larger hash makes fewer, larger segments, and with
/// merging off until the end each posting is rewritten once. The defaults are put
/// back before `optimize`, so later incremental builds merge as usual.
/// See https://sqlite.org/fts5.html#fts5_configuration_options_config_table_.
enum FTS5Loading {

    /// Bytes of terms FTS5 buffers per table before writing a segment during a bulk load.
    static let loadingHashSize = 64 << 20

    static func begin(_ db: Database, tables: [String]) throws {
        try configure(db, tables, ["hashsize": loadingHashSize, "automerge": 0, "crisismerge": 1_000])
    }

    /// Restores SQLite's defaults and merges each table into one segment.
    static func finish(_ db: Database, tables: [String]) throws {
        try configure(db, tables, ["hashsize": 1 << 20, "automerge": 4, "crisismerge": 16])
        try merge(db, tables: tables)
    }

    /// Merges each table into one segment after an incremental update. The update leaves
    /// the changed articles in segments of their own beside the merged one (22 after 1% of
    /// 10,000 articles changed), and every phrase's postings (``PhraseTable``) and every search
    /// then reads each segment: matching the phrases took three times as long as in one
    /// segment, more than the merge itself (0.5 s at 10,000 articles).
    static func merge(_ db: Database, tables: [String]) throws {
        for table in tables {
            try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('optimize')")
        }
    }

    private static func configure(_ db: Database, _ tables: [String], _ settings: KeyValuePairs<String, Int>) throws {
        for table in tables {
            for (key, value) in settings {
                try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES (?, ?)", arguments: [key, value])
            }
        }
    }
}
