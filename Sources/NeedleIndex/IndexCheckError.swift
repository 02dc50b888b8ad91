/// Why an index file failed ``IndexVerification`` and was not served or built upon.
public enum IndexCheckError: Error, CustomStringConvertible, Sendable {
    /// The file is shorter than its own header says.
    case truncated(path: String, bytes: Int64, expected: Int64)
    /// SQLite found damage (`quick_check`, or an error while reading).
    case damaged(path: String, report: String)
    /// The `meta` table's counts disagree with the tables they count.
    case metaMismatch(path: String, field: String, recorded: Int, actual: Int)
    /// A search for an article's own title did not find it.
    case probeFailed(path: String, query: String)

    public var description: String {
        "\(problem); rebuild it with: needle index --full --out \(path)"
    }

    /// What is wrong, naming the file, without the advice.
    public var problem: String {
        switch self {
        case let .truncated(path, bytes, expected):
            return "\(path): the index is truncated (\(bytes) of \(expected) bytes)"
        case let .damaged(path, report):
            return "\(path): the index is damaged: \(report)"
        case let .metaMismatch(path, field, recorded, actual):
            return "\(path): meta says \(recorded) \(field) but the index holds \(actual)"
        case let .probeFailed(path, query):
            return "\(path): a probe search for '\(query)' did not find its article"
        }
    }

    /// The file that failed.
    public var path: String {
        switch self {
        case let .truncated(path, _, _), let .damaged(path, _), let .metaMismatch(path, _, _, _), let .probeFailed(path, _):
            return path
        }
    }
}
