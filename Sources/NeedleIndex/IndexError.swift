/// Why an index file could not be built or opened.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    case notAnIndex(path: String)
    case incompatibleSchema(path: String, found: Int, expected: Int)
    case missing(path: String)
    case cannotWrite(path: String, reason: String)
    /// The file exists but cannot be opened for reading.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notAnIndex(path):
            return "\(path): not a Needle index (no meta table); build one with: needle index --out \(path)"
        case let .incompatibleSchema(path, found, expected):
            return "\(path): index schema version \(found), this Needle reads version \(expected); rebuild it with: needle index --out \(path)"
        case let .missing(path):
            return "\(path): no such index; build it with: needle index --out \(path)"
        case let .cannotWrite(path, reason):
            return "\(path): cannot write the index: \(reason)"
        case let .unreadable(path, reason):
            return "\(path): cannot read the index: \(reason)"
        }
    }
}
