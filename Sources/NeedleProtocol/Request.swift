/// One decoded request line.
public struct Request: Sendable, Hashable {
    /// Echoed verbatim in the response; any JSON value, usually a number.
    public var id: JSONValue?
    public var operation: Operation

    public init(id: JSONValue?, operation: Operation) {
        self.id = id
        self.operation = operation
    }
}

/// What a request asks for: the `op` field and its parameters.
public enum Operation: Sendable, Hashable {
    case search(SearchRequest)
    /// The best passages answering a question.
    case ask(AskRequest)
    /// Complete a typed prefix to article names.
    case suggest(SuggestRequest)
    case ping
    case stats
    /// Reopen the index file and serve it from now on.
    case reload
    /// The daemon's metrics in the Prometheus text exposition format.
    case metrics

    /// The `op` name on the wire.
    public var name: String {
        switch self {
        case .search: return "search"
        case .ask: return "ask"
        case .suggest: return "suggest"
        case .ping: return "ping"
        case .stats: return "stats"
        case .reload: return "reload"
        case .metrics: return "metrics"
        }
    }
}

/// `{"op":"search","q":"acne scars","limit":10,"offset":0,"filter":{"kind":"treatment"}}`
public struct SearchRequest: Sendable, Hashable {
    /// The largest `limit` a request may ask for; larger values are capped to it.
    public static let maximumLimit = 100
    /// The largest `offset` a request may ask for.
    public static let maximumOffset = 10_000

    public var query: String
    public var limit: Int
    public var offset: Int
    /// Only articles of this kind (`treatment`, `concern`, …), when set.
    public var kind: String?
    /// Only articles that list this concern (case-insensitive), when set.
    public var concern: String?
    /// Also count the whole result set by kind and concern.
    public var facets: Bool
    /// Also return the FTS5 expression run and each hit's score parts.
    public var explain: Bool

    public init(
        query: String, limit: Int = 10, offset: Int = 0, kind: String? = nil, concern: String? = nil,
        facets: Bool = false, explain: Bool = false
    ) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.kind = kind
        self.concern = concern
        self.facets = facets
        self.explain = explain
    }
}

/// `{"op":"ask","q":"How long is skin red after microneedling?","limit":3,"min_confidence":0.4}`
public struct AskRequest: Sendable, Hashable {
    /// The largest `limit` a request may ask for; larger values are capped to it.
    public static let maximumLimit = 20

    public var question: String
    public var limit: Int
    /// Answers below this confidence (0…1) are left out; when none is left, the reply
    /// carries suggested articles instead.
    public var minimumConfidence: Double
    /// Only passages of articles of this kind, when set.
    public var kind: String?
    /// Only passages of articles that list this concern, when set.
    public var concern: String?
    /// Also return each answer's score parts.
    public var explain: Bool

    public init(
        question: String, limit: Int = 3, minimumConfidence: Double = 0, kind: String? = nil, concern: String? = nil,
        explain: Bool = false
    ) {
        self.question = question
        self.limit = limit
        self.minimumConfidence = minimumConfidence
        self.kind = kind
        self.concern = concern
        self.explain = explain
    }
}
