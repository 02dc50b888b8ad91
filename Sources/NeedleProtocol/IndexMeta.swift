/// The facts an index file records about itself: what the index builder writes to its
/// `meta` table and what `stats` and `reload` report of the index being served.
///
/// ```swift
/// IndexMeta(schemaVersion: 3, corpusDigest: "96ad0f3c1e2b4a57", builtAt: "2026-11-25T23:17:11Z",
///           articles: 120, passages: 900, synonyms: 45)
/// ```
public struct IndexMeta: Sendable, Hashable, Decodable {
    public var schemaVersion: Int
    /// `NeedleCorpus.ContentDigest` of the corpus, 16 hex digits.
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

    /// The keys on the wire, which are also the index's `meta` table keys.
    public enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case corpusDigest = "corpus_digest"
        case builtAt = "built_at"
        case articles, passages, synonyms
    }
}

extension IndexMeta: JSONObject {
    static let jsonFields: JSONFields<IndexMeta> = [
        JSONField(.schemaVersion, \.schemaVersion),
        JSONField(.corpusDigest, \.corpusDigest),
        JSONField(.builtAt, \.builtAt),
        JSONField(.articles, \.articles),
        JSONField(.passages, \.passages),
        JSONField(.synonyms, \.synonyms),
    ]
}
