/// What `needle-http` is told on its command line: where the daemon and the index are, where to
/// listen, and its limits.
public struct GatewayConfiguration: Sendable {
    /// `needled`'s socket.
    public var socketPath: String
    /// The index file the daemon serves, read for `GET /articles/{slug}`.
    public var indexPath: String
    /// Persistent connections to the daemon at most.
    public var connections: Int
    /// Requests per second each client address may make on average (0: no limit).
    public var requestsPerSecond: Double
    /// Requests a client may make at once above the average.
    public var burst: Double
    /// Longest request target (path and query) accepted; longer ones get 414 `line_too_long`.
    public var maximumTargetLength: Int
    /// Longest request body accepted (every route is a GET); longer ones get 413 `line_too_long`.
    public var maximumBodyLength: Int

    public init(
        socketPath: String, indexPath: String = "Index/needle.sqlite", connections: Int = 4,
        requestsPerSecond: Double = 50, burst: Double = 100, maximumTargetLength: Int = 8192, maximumBodyLength: Int = 1024
    ) {
        self.socketPath = socketPath
        self.indexPath = indexPath
        self.connections = connections
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
        self.maximumTargetLength = maximumTargetLength
        self.maximumBodyLength = maximumBodyLength
    }
}
