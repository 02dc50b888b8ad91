/// The `error.code` values of an `ok:false` response.
public enum ErrorCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The line is not valid JSON.
    case badJSON = "bad_json"
    /// The line is not valid UTF-8.
    case badUTF8 = "bad_utf8"
    /// The line is longer than the daemon's limit (64 KiB by default).
    case lineTooLong = "line_too_long"
    /// Valid JSON, but not a valid request: not an object, missing `op`, a field of the wrong type or range.
    case badRequest = "bad_request"
    /// `op` names no operation this daemon knows.
    case unknownOp = "unknown_op"
    /// The daemon failed to answer a valid request; the message says why.
    case `internal` = "internal"
    /// The request ran longer than the daemon's per-request deadline and was interrupted.
    case timeout = "timeout"
    /// The daemon already serves its maximum number of connections; this one is closed.
    case tooManyConnections = "too_many_connections"
    /// The connecting process's user or group is not allowed; the connection is closed.
    case forbidden = "forbidden"
    /// The connection sent nothing for longer than the daemon's idle timeout; it is closed.
    case idleTimeout = "idle_timeout"
}

/// A request that cannot be answered, with the id to answer it under.
public struct ProtocolError: Error, Sendable, Hashable {
    public var id: JSONValue?
    public var code: ErrorCode
    public var message: String

    public init(id: JSONValue? = nil, _ code: ErrorCode, _ message: String) {
        self.id = id
        self.code = code
        self.message = message
    }
}
