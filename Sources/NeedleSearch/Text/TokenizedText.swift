import Foundation

/// A text cut into word tokens, each a byte range of the UTF-8 text, the way FTS5's
/// `unicode61` tokenizer cuts it: runs of letters and digits. Folding (lowercase,
/// accents removed) is done on demand, for the few tokens a caller needs.
struct TokenizedText {
    let bytes: [UInt8]
    /// Byte ranges of the tokens, in order.
    private(set) var tokens: [Range<Int>] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        tokens.reserveCapacity(bytes.count / 5)
        var start = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let isWordCharacter: Bool
            var length = 1
            if byte < 0x80 {
                isWordCharacter = Self.isASCIIAlphanumeric(byte)
            } else {
                (isWordCharacter, length) = Self.classifyNonASCII(bytes, at: index)
            }
            if isWordCharacter {
                if start < 0 { start = index }
            } else if start >= 0 {
                tokens.append(start..<index)
                start = -1
            }
            index += length
        }
        if start >= 0 { tokens.append(start..<bytes.count) }
    }

    /// The first two folded bytes of token `position`, packed, for cheap filtering.
    func prefix(of position: Int) -> UInt16 {
        let range = tokens[position]
        let first = Self.lowercased(bytes[range.lowerBound])
        let second = range.count > 1 ? Self.lowercased(bytes[range.lowerBound + 1]) : 0
        return UInt16(first) << 8 | UInt16(second)
    }

    /// The folded (lowercase, accent-free) bytes of token `position`.
    func folded(_ position: Int) -> [UInt8] {
        let slice = bytes[tokens[position]]
        if slice.allSatisfy({ $0 < 0x80 }) { return slice.map(Self.lowercased) }
        let text = String(decoding: slice, as: UTF8.self).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Array(text.utf8)
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte
    }

    /// Whether the multi-byte character at `index` is a letter, digit or combining mark, and its length.
    private static func classifyNonASCII(_ bytes: [UInt8], at index: Int) -> (Bool, Int) {
        let byte = bytes[index]
        let length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (false, 1) }
        var value = UInt32(byte) & (length == 2 ? 0x1f : length == 3 ? 0x0f : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3f) }
        guard let scalar = Unicode.Scalar(value) else { return (false, length) }
        let properties = scalar.properties
        let isWord = properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
        return (isWord, length)
    }
}
