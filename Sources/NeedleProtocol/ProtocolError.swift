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
