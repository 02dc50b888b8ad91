/// Why the server could not start.
public enum ServerError: Error, CustomStringConvertible, Sendable {
    case pathInUse(path: String, reason: String)
    case cannotListen(path: String, reason: String)

    public var description: String {
        switch self {
        case let .pathInUse(path, reason):
            return "cannot listen on \(path): \(reason)"
        case let .cannotListen(path, reason):
            return "cannot listen on \(path): \(reason)"
        }
    }
}
