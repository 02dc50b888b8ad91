/// Why a benchmark step failed.
public enum BenchError: Error, CustomStringConvertible, Sendable {
    case socket(path: String, reason: String)
    case connectionLost(reason: String)
    case noQueries(path: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .socket(path, reason): return "\(path): cannot connect: \(reason)"
        case let .connectionLost(reason): return "connection lost: \(reason)"
        case let .noQueries(path): return "\(path): no queries (one per line expected)"
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        }
    }
}
