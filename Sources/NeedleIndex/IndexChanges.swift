/// What a build changed relative to the index it started from.
///
/// A full build starts from an empty index, so every article is `added`.
public struct IndexChanges: Sendable, Hashable {
    public var added = 0
    public var rewritten = 0
    public var removed = 0
    /// Articles whose bytes are unchanged but whose file path is new (a moved corpus folder).
    public var moved = 0

    public init() {}

    /// Articles whose rows were written or removed.
    public var total: Int { added + rewritten + removed }
}
