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
    /// Complete a typed prefix to article names.
    case suggest(SuggestRequest)
    case ping
    case stats
    /// Reopen the index file and serve it from now on.
    case reload

    /// The `op` name on the wire.
    public var name: String {
        switch self {
        case .search: return "search"
        case .suggest: return "suggest"
        case .ping: return "ping"
        case .stats: return "stats"
        case .reload: return "reload"
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

    public init(query: String, limit: Int = 10, offset: Int = 0, kind: String? = nil) {
        self.query = query
        self.limit = limit
        self.offset = offset
        self.kind = kind
    }
}
