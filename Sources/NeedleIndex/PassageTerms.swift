/// One passage's tokens as stored in the `passage_terms` table: the ids (`terms.id`) of the
/// terms FTS5 indexed at each position of its heading, then of its text.
///
/// The blob is the number of heading tokens, then one id per token, heading first; all
/// unsigned LEB128 varints (7 bits a byte, low bits first, high bit set on all but the last).
///
/// ```swift
/// let bytes = PassageTerms.encode(heading: 1, tokens: [12, 3, 40])
/// var ids: [UInt32] = []
/// PassageTerms.decode(bytes, into: &ids)   // 1 (heading tokens); ids == [12, 3, 40]
/// ```
public enum PassageTerms {
    /// The blob of a passage whose first `heading` tokens are its heading's.
    public static func encode(heading: Int, tokens: some Collection<UInt32>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens.count + 2)
        LEB128.put(UInt64(heading), into: &bytes)
        for token in tokens { LEB128.put(UInt64(token), into: &bytes) }
        return bytes
    }

    /// Replaces `ids` with the blob's token ids; returns how many of them are the heading's,
    /// or nil for a malformed blob.
    @discardableResult
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into ids: inout [UInt32]) -> Int? {
        ids.removeAll(keepingCapacity: true)
        return decode(bytes, appendingTo: &ids)
    }

    /// Appends the blob's token ids to `ids`; returns how many of them are the heading's, or
    /// nil (leaving `ids` as it was) for a malformed blob.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, appendingTo ids: inout [UInt32]) -> Int? {
        let start = ids.count
        // At most one id per byte; grown geometrically, since callers append blob after blob.
        if ids.capacity < start + bytes.count { ids.reserveCapacity(max(start + bytes.count, 2 * ids.capacity)) }
        var position = 0
        guard let heading = LEB128.read(bytes, &position) else { return nil }
        while position < bytes.count {
            guard let id = LEB128.read(bytes, &position), id <= UInt32.max else {
                ids.removeSubrange(start...)
                return nil
            }
            ids.append(UInt32(id))
        }
        guard heading <= UInt64(ids.count - start) else {
            ids.removeSubrange(start...)
            return nil
        }
        return Int(heading)
    }

    /// ``decode(_:into:)`` over an array.
    @discardableResult
    public static func decode(_ bytes: [UInt8], into ids: inout [UInt32]) -> Int? {
        bytes.withUnsafeBufferPointer { decode($0, into: &ids) }
    }
}
