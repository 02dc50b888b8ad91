/// Why a client call failed.
public enum ClientError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Nothing listens on the socket (or the socket file is missing).
    case noDaemon(socketPath: String)
    /// The daemon closed the connection before answering.
    case closedByDaemon
    /// The daemon answered `ok:false`; `code` is the protocol's error code (`bad_request`, `timeout`, …).
    case daemon(code: String, message: String)
    /// The reply is not what the protocol promises for the request.
    case badReply(String)

    public var description: String {
        switch self {
        case .noDaemon(let path):
            return "no daemon is listening on \(path); start one with: ./Tools/serve (or: needled --socket \(path))"
        case .closedByDaemon:
            return "the daemon closed the connection before answering"
        case .daemon(let code, let message):
            return "\(code): \(message)"
        case .badReply(let reason):
            return "the daemon's reply does not fit the protocol: \(reason)"
        }
    }
}
