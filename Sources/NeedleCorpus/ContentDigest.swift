/// A fast, stable 64-bit FNV-1a digest, for telling whether corpus content changed.
///
/// Not a cryptographic hash: it detects edits, it does not resist forgery.
///
/// ```swift
/// var digest = ContentDigest()
/// digest.add("acne.md")
/// digest.add(bytes)
/// ContentDigest.hex(digest.value) // "a3f1…", 16 digits
/// ```
public struct ContentDigest: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Mixes bytes into the digest.
    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
    }

    /// Mixes a string's UTF-8 bytes followed by a separator, so ("ab","c") differs from ("a","bc").
    public mutating func add(_ string: String) {
        add(string.utf8)
        add([0])
    }

    /// `value` as 16 lowercase hexadecimal digits.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The digest of one byte sequence.
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var digest = ContentDigest()
        digest.add(bytes)
        return digest.value
    }
}
