/// What `stats` reports about one op: how often it ran, how often it failed, how long it took.
///
/// Percentiles come from a fixed-bucket histogram and are estimates: each is interpolated
/// inside the bucket that holds it, so it is never off by more than that bucket's width.
public struct OperationStats: Sendable, Hashable, Decodable {
    /// Requests of this op answered since start, errors included.
    public var requests: Int
    /// Requests of this op answered with an error.
    public var errors: Int
    /// Median time to answer, in microseconds (0 before the first request).
    public var p50Microseconds: Int
    /// 90th percentile time to answer, in microseconds.
    public var p90Microseconds: Int
    /// 99th percentile time to answer, in microseconds.
    public var p99Microseconds: Int

    public init(requests: Int, errors: Int, p50Microseconds: Int, p90Microseconds: Int, p99Microseconds: Int) {
        self.requests = requests
        self.errors = errors
        self.p50Microseconds = p50Microseconds
        self.p90Microseconds = p90Microseconds
        self.p99Microseconds = p99Microseconds
    }

    enum CodingKeys: String, CodingKey {
        case requests, errors
        case p50Microseconds = "p50_us"
        case p90Microseconds = "p90_us"
        case p99Microseconds = "p99_us"
    }
}

extension OperationStats: JSONObject {
    static let jsonFields: JSONFields<OperationStats> = [
        JSONField(.requests, \.requests),
        JSONField(.errors, \.errors),
        JSONField(.p50Microseconds, \.p50Microseconds),
        JSONField(.p90Microseconds, \.p90Microseconds),
        JSONField(.p99Microseconds, \.p99Microseconds),
    ]
}
