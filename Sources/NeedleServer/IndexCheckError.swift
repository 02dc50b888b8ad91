/// Why an index file was not taken into service.
enum IndexCheckError: Error, CustomStringConvertible, Sendable {
    /// SQLite's `quick_check` found damage.
    case damaged(path: String, report: String)
    /// The `meta` table's counts disagree with the tables they count.
    case metaMismatch(path: String, field: String, recorded: Int, actual: Int)
    /// A search for an article's own title did not find it.
    case probeFailed(path: String, query: String)
    /// The file was replaced again while it was being checked.
    case replacedWhileChecking(path: String)

    var description: String {
        switch self {
        case let .damaged(path, report):
            return "\(path): the index is damaged: \(report)"
        case let .metaMismatch(path, field, recorded, actual):
            return "\(path): meta says \(recorded) \(field) but the index holds \(actual)"
        case let .probeFailed(path, query):
            return "\(path): a probe search for '\(query)' did not find its article"
        case let .replacedWhileChecking(path):
            return "\(path): the file was replaced while it was being checked; reload again"
        }
    }
}
