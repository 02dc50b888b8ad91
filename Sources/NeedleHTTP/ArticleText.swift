import Foundation

/// An article for reading: its names and its sections in order, as `GET /articles/{slug}`
/// answers it (`{"ok":true,"slug":…,"passages":[{"heading":null,"level":1,"text":…},…]}`).
public struct ArticleText: Sendable, Codable, Equatable {
    public var ok = true
    public var slug: String
    public var title: String
    public var kind: String
    public var summary: String?
    public var aliases: [String]
    public var concerns: [String]
    /// The introduction (`heading` null) first, then each `##`/`###` section.
    public var passages: [Passage]

    /// One section: a `###` keeps its `##` as `parent`.
    public struct Passage: Sendable, Codable, Equatable {
        public var heading: String?
        public var parent: String?
        public var level: Int
        public var text: String
    }

    /// The article as JSON, keys sorted like the daemon's replies.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
