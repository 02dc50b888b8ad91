import Foundation
import GRDB

/// Reads one article's text from the index file, read-only, for `GET /articles/{slug}`.
///
/// The file is opened for each read, so an index published by rename (`needle index`, then
/// `needle reload`) is read as soon as it is in place, as the daemon serves it; reading an
/// article is a page view, not a keystroke, so the open is cheap enough.
///
/// ```swift
/// let article = try ArticleReader(indexPath: "Index/needle.sqlite").article(slug: "microneedling")
/// article?.passages.first?.text   // the introduction
/// ```
public struct ArticleReader: Sendable {
    public let indexPath: String

    public init(indexPath: String) {
        self.indexPath = indexPath
    }

    /// The article, or nil when no article has this slug. Throws when the file cannot be read.
    public func article(slug: String) throws -> ArticleText? {
        guard FileManager.default.fileExists(atPath: indexPath) else {
            throw GatewayError(status: .serviceUnavailable, code: "internal", message: "no index file at \(indexPath)")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: indexPath, configuration: configuration)
        defer { try? database.close() }
        return try database.read { db in try Self.article(slug: slug, in: db) }
    }

    private static func article(slug: String, in db: Database) throws -> ArticleText? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT id, title, kind, summary, first_passage, last_passage FROM articles WHERE slug = ?", arguments: [slug])
        else { return nil }
        let id: Int64 = row["id"]
        let nameRows = try Row.fetchAll(db, sql: "SELECT role, name FROM names WHERE article_id = ? ORDER BY rowid", arguments: [id])
        let passages = try Row.fetchAll(
            db, sql: "SELECT heading, parent, level, text FROM passages WHERE id BETWEEN ? AND ? ORDER BY id",
            arguments: [row["first_passage"] as Int64, row["last_passage"] as Int64])
        func names(_ role: String) -> [String] {
            nameRows.filter { ($0["role"] as String) == role }.map { $0["name"] as String }
        }
        return ArticleText(
            slug: slug, title: row["title"] as String, kind: row["kind"] as String, summary: row["summary"] as String?,
            aliases: names("alias"), concerns: names("concern"),
            passages: passages.map {
                ArticleText.Passage(
                    heading: $0["heading"] as String?, parent: $0["parent"] as String?, level: $0["level"] as Int, text: $0["text"] as String)
            })
    }
}
