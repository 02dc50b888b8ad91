import Foundation
import GRDB

/// The facts an index records about itself in its `meta` table.
public struct IndexMeta: Sendable, Hashable, Codable {
    public var schemaVersion: Int
    /// ``NeedleCorpus/ContentDigest`` of the corpus, 16 hex digits.
    public var corpusDigest: String
    /// ISO 8601 UTC time of the build.
    public var builtAt: String
    public var articles: Int
    public var passages: Int
    public var synonyms: Int

    public init(schemaVersion: Int, corpusDigest: String, builtAt: String, articles: Int, passages: Int, synonyms: Int) {
        self.schemaVersion = schemaVersion
        self.corpusDigest = corpusDigest
        self.builtAt = builtAt
        self.articles = articles
        self.passages = passages
        self.synonyms = synonyms
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case corpusDigest = "corpus_digest"
        case builtAt = "built_at"
        case articles, passages, synonyms
    }

    /// Reads the meta table. Throws ``IndexError/notAnIndex`` or ``IndexError/incompatibleSchema``.
    public static func read(_ db: Database, path: String) throws -> IndexMeta {
        guard try db.tableExists("meta") else { throw IndexError.notAnIndex(path: path) }
        let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM meta")
        var values: [String: String] = [:]
        for row in rows { values[row["key"]] = row["value"] }
        guard let version = values["schema_version"].flatMap(Int.init) else { throw IndexError.notAnIndex(path: path) }
        guard version == IndexSchema.version else {
            throw IndexError.incompatibleSchema(path: path, found: version, expected: IndexSchema.version)
        }
        guard let digest = values["corpus_digest"], let builtAt = values["built_at"],
              let articles = values["articles"].flatMap(Int.init), let passages = values["passages"].flatMap(Int.init),
              let synonyms = values["synonyms"].flatMap(Int.init)
        else { throw IndexError.notAnIndex(path: path) }
        return IndexMeta(schemaVersion: version, corpusDigest: digest, builtAt: builtAt, articles: articles, passages: passages, synonyms: synonyms)
    }

    func write(_ db: Database) throws {
        let values: [(String, String)] = [
            ("schema_version", String(schemaVersion)), ("corpus_digest", corpusDigest), ("built_at", builtAt),
            ("articles", String(articles)), ("passages", String(passages)), ("synonyms", String(synonyms)),
        ]
        for (key, value) in values {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
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
