/// The answer to a `stats` request (without `id` and `ok`).
public struct StatsResult: Sendable, Hashable, Codable {
    public var uptimeSeconds: Double
    /// Requests answered since start, errors included.
    public var requests: Int
    /// Connections open now.
    public var connections: Int
    public var index: IndexInfo

    public init(uptimeSeconds: Double, requests: Int, connections: Int, index: IndexInfo) {
        self.uptimeSeconds = uptimeSeconds
        self.requests = requests
        self.connections = connections
        self.index = index
    }

    enum CodingKeys: String, CodingKey {
        case uptimeSeconds = "uptime_s"
        case requests, connections, index
    }
}

/// What `stats` says about the index being served.
public struct IndexInfo: Sendable, Hashable, Codable {
    public var path: String
    public var schemaVersion: Int
    public var corpusDigest: String
    public var builtAt: String
    public var articles: Int
    public var passages: Int
    public var synonyms: Int

    public init(path: String, schemaVersion: Int, corpusDigest: String, builtAt: String, articles: Int, passages: Int, synonyms: Int) {
        self.path = path
        self.schemaVersion = schemaVersion
        self.corpusDigest = corpusDigest
        self.builtAt = builtAt
        self.articles = articles
        self.passages = passages
        self.synonyms = synonyms
    }

    enum CodingKeys: String, CodingKey {
        case path
        case schemaVersion = "schema_version"
        case corpusDigest = "corpus_digest"
        case builtAt = "built_at"
        case articles, passages, synonyms
    }
}
