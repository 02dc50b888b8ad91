/// The answer to a `stats` request (without `id` and `ok`).
public struct StatsResult: Sendable, Hashable, Decodable {
    public var uptimeSeconds: Double
    /// Requests answered since start, errors included.
    public var requests: Int
    /// Connections open now.
    public var connections: Int
    public var index: IndexInfo
    /// Requests answered with an error since start; `nil` from daemons that predate it.
    public var errors: Int?
    /// Connections accepted since start, refused ones included.
    public var connectionsTotal: Int?
    /// Connections refused since start (limit reached or peer not allowed).
    public var connectionsRefused: Int?
    /// Successful index reloads since start.
    public var reloads: Int?
    /// Failed reload attempts since start; the old index kept serving each time.
    public var reloadFailures: Int?
    /// Counters and latency percentiles per op (`search`, `ping`, …, and `invalid` for
    /// lines that were no valid request).
    public var ops: [String: OperationStats]?
    /// The result cache's size and hit rate; `nil` from daemons that predate it.
    public var resultCache: CacheStats?

    public init(
        uptimeSeconds: Double, requests: Int, connections: Int, index: IndexInfo, errors: Int? = nil,
        connectionsTotal: Int? = nil, connectionsRefused: Int? = nil, reloads: Int? = nil, reloadFailures: Int? = nil,
        ops: [String: OperationStats]? = nil, resultCache: CacheStats? = nil
    ) {
        self.uptimeSeconds = uptimeSeconds
        self.requests = requests
        self.connections = connections
        self.index = index
        self.errors = errors
        self.connectionsTotal = connectionsTotal
        self.connectionsRefused = connectionsRefused
        self.reloads = reloads
        self.reloadFailures = reloadFailures
        self.ops = ops
        self.resultCache = resultCache
    }

    enum CodingKeys: String, CodingKey {
        case uptimeSeconds = "uptime_s"
        case requests, connections, index, errors, reloads, ops
        case connectionsTotal = "connections_total"
        case connectionsRefused = "connections_refused"
        case reloadFailures = "reload_failures"
        case resultCache = "result_cache"
    }
}

extension StatsResult: JSONObject {
    static let jsonFields: JSONFields<StatsResult> = [
        JSONField(.uptimeSeconds, \.uptimeSeconds),
        JSONField(.requests, \.requests),
        JSONField(.connections, \.connections),
        JSONField(.index, \.index),
        JSONField(.errors, omittedWhenNil: \.errors),
        JSONField(.connectionsTotal, omittedWhenNil: \.connectionsTotal),
        JSONField(.connectionsRefused, omittedWhenNil: \.connectionsRefused),
        JSONField(.reloads, omittedWhenNil: \.reloads),
        JSONField(.reloadFailures, omittedWhenNil: \.reloadFailures),
        JSONField(.ops, omittedWhenNil: \.ops),
        JSONField(.resultCache, omittedWhenNil: \.resultCache),
    ]
}
