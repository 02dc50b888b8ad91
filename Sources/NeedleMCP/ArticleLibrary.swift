import Foundation
import GRDB

/// The articles of an index file, read-only: their list, and each as Markdown.
///
/// The daemon's protocol answers with passages, not whole articles; the MCP server reads the
/// same index file the daemon serves (its path comes from `stats`) to show an article whole.
public struct ArticleLibrary: Sendable {
    /// An article's name and kind, for a resource list.
    public struct Entry: Sendable, Hashable {
        public var slug: String
        public var title: String
        public var kind: String
        public var summary: String?
    }

    private let queue: DatabaseQueue

    /// Opens the index file at `path` read-only.
    public init(indexPath path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else { throw ArticleLibraryError.unreadable(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Every article, by title.
    public func entries() throws -> [Entry] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT slug, title, kind, summary FROM articles ORDER BY title COLLATE NOCASE").map {
                Entry(slug: $0["slug"], title: $0["title"], kind: $0["kind"], summary: $0["summary"])
            }
        }
    }

    /// The article as Markdown: its title, its introduction, then each section under its heading;
    /// `nil` when no article has this slug.
    public func markdown(slug: String) throws -> String? {
        try queue.read { db in
            guard let article = try Row.fetchOne(db, sql: "SELECT id, title FROM articles WHERE slug = ?", arguments: [slug]) else {
                return nil
            }
            let passages = try Row.fetchAll(
                db, sql: "SELECT heading, level, text FROM passages WHERE article_id = ? ORDER BY ordinal",
                arguments: [article["id"] as Int64])
            var parts = ["# \(article["title"] as String)"]
            for passage in passages {
                if let heading: String = passage["heading"] {
                    parts.append(String(repeating: "#", count: max(2, passage["level"] as Int)) + " " + heading)
                }
                parts.append(passage["text"])
            }
            return parts.joined(separator: "\n\n") + "\n"
        }
    }
}

/// Why the articles could not be read.
public enum ArticleLibraryError: Error, CustomStringConvertible {
    case unreadable(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "cannot read the index file \(path) to show articles; pass it with --index"
        }
    }
}
