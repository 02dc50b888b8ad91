/// Unsigned LEB128 varints, the numbers of the index's own blobs (``PostingList``,
/// ``PassageTerms``): 7 bits a byte, low bits first, the high bit set on all but the last byte.
@usableFromInline
enum LEB128 {
    static func put(_ value: UInt64, into bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The varint at `position`, which moves past it; nil when the bytes end inside it.
    @inlinable @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
