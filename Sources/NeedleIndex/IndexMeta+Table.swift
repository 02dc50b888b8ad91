import Foundation
import GRDB
import NeedleProtocol

/// The index's `meta` table: one row per ``NeedleProtocol/IndexMeta`` field, keyed by its
/// wire name (`schema_version`, `corpus_digest`, …), its value as text.
extension IndexMeta {
    private typealias Key = IndexMeta.CodingKeys

    /// Reads the meta table. Throws ``IndexError/notAnIndex`` or ``IndexError/incompatibleSchema``.
    public static func read(_ db: Database, path: String) throws -> IndexMeta {
        guard try db.tableExists("meta") else { throw IndexError.notAnIndex(path: path) }
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
        var values: [String: String] = [:]
        for row in rows { values[row["key"]] = row["value"] }
        guard let version = values[Key.schemaVersion.rawValue].flatMap(Int.init) else { throw IndexError.notAnIndex(path: path) }
        guard version == IndexSchema.version else {
            throw IndexError.incompatibleSchema(path: path, found: version, expected: IndexSchema.version)
        }
        func count(_ key: Key) -> Int? { values[key.rawValue].flatMap(Int.init) }
        guard let digest = values[Key.corpusDigest.rawValue], let builtAt = values[Key.builtAt.rawValue],
              let articles = count(.articles), let passages = count(.passages), let synonyms = count(.synonyms)
        else { throw IndexError.notAnIndex(path: path) }
        return IndexMeta(
            schemaVersion: version, corpusDigest: digest, builtAt: builtAt, articles: articles, passages: passages,
            synonyms: synonyms)
    }

    func write(_ db: Database) throws {
        let values: [(Key, String)] = [
            (.schemaVersion, String(schemaVersion)), (.corpusDigest, corpusDigest), (.builtAt, builtAt),
            (.articles, String(articles)), (.passages, String(passages)), (.synonyms, String(synonyms)),
        ]
        for (key, value) in values {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key.rawValue, value])
        }
    }

    /// Reads the meta of the index file at `path`, or `nil` when it is missing or unreadable.
    public static func read(path: String) -> IndexMeta? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        return try? queue.read { try IndexMeta.read($0, path: path) }
    }
}
