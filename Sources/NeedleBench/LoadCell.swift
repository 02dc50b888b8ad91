/// The result of driving one daemon with one operation at one client count.
///
/// One line of the results file. `supported` is false when the daemon answered
/// `unknown_op`; the figures are then zero.
public struct LoadCell: Sendable, Hashable, Codable {
    /// Which daemon: `needle` or `limitd`.
    public var label: String
    public var operation: BenchOperation
    /// The query file's name (`terms.txt`, `questions.txt`); nil means the operation's own
    /// ``BenchOperation/queryFile``.
    public var queries: String?
    public var clients: Int
    public var supported: Bool
    /// Length of the measured window, after warm-up.
    public var seconds: Double
    /// Replies completed inside the window.
    public var replies: Int
    /// Replies that were not `"ok":true`.
    public var errors: Int
    public var latency: LatencySummary
    /// Resident memory of the daemon after the run, in KiB, when its pid was given.
    public var daemonRSSKiB: Int?

    public init(
        label: String, operation: BenchOperation, queries: String? = nil, clients: Int, supported: Bool, seconds: Double,
        replies: Int, errors: Int, latency: LatencySummary, daemonRSSKiB: Int? = nil
    ) {
        self.label = label
        self.operation = operation
        self.queries = queries
        self.clients = clients
        self.supported = supported
        self.seconds = seconds
        self.replies = replies
        self.errors = errors
        self.latency = latency
        self.daemonRSSKiB = daemonRSSKiB
    }

    /// The query file this cell read.
    public var queryFile: String { queries ?? operation.queryFile }

    /// Replies per second inside the measured window.
    public var qps: Double { seconds > 0 ? Double(replies) / seconds : 0 }
}
