/// The articles that hold one term, as stored in the `terms` table's `postings` blob: what
/// FTS5's bm25 needs of each article (how often the term occurs in each column, and the
/// article's length in tokens), in ascending article id, so a query can compute bm25
/// without asking FTS5 to visit every matching row.
///
/// Each posting is: the id's difference from the previous posting's id (the first is the
/// id itself), the article's length in tokens, a byte whose bit `c` says column `c` holds
/// the term, then the count of each such column in column order. Numbers are unsigned
/// LEB128 varints (7 bits a byte, low bits first, high bit set on all but the last byte).
///
/// ```swift
/// var list = PostingList()
/// list.append(article: 7, length: 120, counts: [1, 0, 0, 0, 3])
/// PostingList.decode(list.bytes) { id, length, counts in … }   // 7, 120, [1, 0, 0, 0, 3]
/// ```
public struct PostingList: Sendable {
    /// The most columns a posting describes (bits of the column byte).
    public static let maximumColumns = 8

    public private(set) var bytes: [UInt8] = []
    private var lastArticle: Int64 = 0

    public init() {}

    /// Appends a posting; `article` must be above every id appended before.
    public mutating func append(article: Int64, length: Int, counts: [Int]) {
        precondition(article > lastArticle, "postings must be appended in ascending article id")
        precondition(counts.count <= Self.maximumColumns, "too many columns")
        LEB128.put(UInt64(article - lastArticle), into: &bytes)
        lastArticle = article
        LEB128.put(UInt64(max(0, length)), into: &bytes)
        var mask: UInt8 = 0
        for (column, count) in counts.enumerated() where count > 0 { mask |= 1 << UInt8(column) }
        bytes.append(mask)
        for count in counts where count > 0 { LEB128.put(UInt64(count), into: &bytes) }
    }

    /// Calls `body` with each posting in order: the article id, its length in tokens and its
    /// counts per column (a buffer reused between calls, `columns` long). Stops early, and
    /// returns false, when `body` returns false; returns false too for a malformed blob.
    /// Inlinable, so a query's scoring loop is compiled into it.
    @discardableResult @inlinable
    public static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, columns: Int, _ body: (Int64, Int, UnsafeBufferPointer<Int32>) throws -> Bool
    ) throws -> Bool {
        let columns = max(0, min(columns, maximumColumns))
        let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: maximumColumns)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        let visible = UnsafeBufferPointer(rebasing: counts[..<columns])
        var position = 0
        var article: Int64 = 0
        while position < bytes.count {
            guard let delta = LEB128.read(bytes, &position), let length = LEB128.read(bytes, &position), position < bytes.count
            else { return false }
            let mask = bytes[position]
            position += 1
            for column in 0..<maximumColumns {
                if mask & (1 << UInt8(column)) == 0 {
                    counts[column] = 0
                } else {
                    guard let count = LEB128.read(bytes, &position) else { return false }
                    counts[column] = Int32(truncatingIfNeeded: count)
                }
            }
            article &+= Int64(truncatingIfNeeded: delta)
            guard try body(article, Int(truncatingIfNeeded: length), visible) else { return false }
        }
        return true
    }
}
