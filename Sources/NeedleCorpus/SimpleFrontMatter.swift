/// Reads the front matter shapes articles use without a YAML parser, and declines
/// everything else.
///
/// It reads ASCII lines of `key: value` at the start of a line, where a value is plain
/// text, a `'single'` or `"double"` quoted string (without escapes), an inline list
/// `[a, b]` of plain items, or nothing followed by `- item` lines. For any other text
/// (comments, multi-line values, anchors, escapes, duplicate keys, non-ASCII bytes,
/// anything YAML would read differently or reject) it returns `nil` and the caller
/// asks Yams (``YAMLFrontMatter``), so values, lines and diagnostics are what Yams
/// gives. Yams took about half of the parsing time of a generated corpus.
///
/// ```swift
/// SimpleFrontMatter.entries("title: Acne\naliases: [Spots, Pimples]", firstLine: 2)
/// // [title (line 2): "Acne", aliases (line 3): ["Spots", "Pimples"]]
/// SimpleFrontMatter.entries("title: Acne # a comment", firstLine: 2) // nil: Yams reads it
/// ```
enum SimpleFrontMatter {
    /// The entries of `yaml`, whose first line is line `firstLine` of the file, or `nil`
    /// when it holds anything beyond the shapes above.
    static func entries(_ yaml: String, firstLine: Int) -> [FrontMatterEntry]? {
        var entries: [FrontMatterEntry] = []
        var keys = Set<String>()
        // A key written as `key:` alone, whose value is the `- item` lines below it.
        var openList: (entry: FrontMatterEntry, items: [FrontMatterValue.Item], indent: Int?)?
        var line = firstLine
        for bytes in yaml.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            defer { line += 1 }
            guard bytes.allSatisfy({ (0x20..<0x7F).contains($0) }) else { return nil }
            if bytes.isEmpty { continue }
            if bytes.first == 0x20 || bytes.first == 0x2D {  // an indented line or `- item`
                let indent = bytes.prefix { $0 == 0x20 }.count
                let rest = bytes.dropFirst(indent)
                guard var list = openList, list.indent == nil || list.indent == indent,
                      rest.first == 0x2D, rest.count > 1, rest.dropFirst().first == 0x20,
                      let value = blockValue(rest.dropFirst(2))
                else { return nil }
                list.items.append(.init(value: value, line: line))
                list.indent = indent
                openList = list
                continue
            }
            if let list = openList {
                guard !list.items.isEmpty else { return nil }
                entries.append(FrontMatterEntry(key: list.entry.key, line: list.entry.line, value: .list(list.items)))
                openList = nil
            }
            guard let colon = bytes.firstIndex(of: 0x3A), isKey(bytes[..<colon]) else { return nil }
            let key = String(decoding: bytes[..<colon], as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            let rest = bytes[bytes.index(after: colon)...]
            guard rest.isEmpty || rest.first == 0x20 else { return nil }
            let entry = FrontMatterEntry(key: key, line: line, value: .null)
            let text = trimmed(rest)
            if text.isEmpty {
                openList = (entry, [], nil)
            } else if text.first == 0x5B {  // [
                guard let items = flowList(text) else { return nil }
                entries.append(FrontMatterEntry(key: key, line: line, value: .list(items.map { .init(value: $0, line: line) })))
            } else {
                guard let value = blockValue(text) else { return nil }
                entries.append(FrontMatterEntry(key: key, line: line, value: value))
            }
        }
        if let list = openList {
            guard !list.items.isEmpty else { return nil }
            entries.append(FrontMatterEntry(key: list.entry.key, line: list.entry.line, value: .list(list.items)))
        }
        return entries.isEmpty ? nil : entries
    }

    private typealias Bytes = Substring.UTF8View.SubSequence

    /// `[a-z][a-z0-9_]*`.
    private static func isKey(_ bytes: Bytes) -> Bool {
        guard let first = bytes.first, (0x61...0x7A).contains(first) else { return false }
        return bytes.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    private static func trimmed(_ bytes: Bytes) -> Bytes {
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }), let last = bytes.lastIndex(where: { $0 != 0x20 }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }

    /// A value after `key: ` or `- `: quoted or plain text.
    private static func blockValue(_ bytes: Bytes) -> FrontMatterValue? {
        let text = trimmed(bytes)
        switch text.first {
        case 0x27: return singleQuoted(text)
        case 0x22: return doubleQuoted(text)
        default: return plain(text, inList: false)
        }
    }

    /// `'text'`, where `''` stands for one quote.
    private static func singleQuoted(_ text: Bytes) -> FrontMatterValue? {
        guard text.count >= 2, text.last == 0x27 else { return nil }
        var value: [UInt8] = []
        var inner = text.dropFirst().dropLast()[...]
        while let byte = inner.popFirst() {
            if byte == 0x27 {
                guard inner.popFirst() == 0x27 else { return nil }
            }
            value.append(byte)
        }
        return .text(String(decoding: value, as: UTF8.self))
    }

    /// `"text"` without escapes or inner quotes.
    private static func doubleQuoted(_ text: Bytes) -> FrontMatterValue? {
        guard text.count >= 2, text.last == 0x22 else { return nil }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains(0x22), !inner.contains(0x5C) else { return nil }
        return .text(String(decoding: inner, as: UTF8.self))
    }

    /// `[a, b, c]` of plain items on one line; `[]` is an empty list.
    private static func flowList(_ text: Bytes) -> [FrontMatterValue]? {
        guard text.count >= 2, text.last == 0x5D else { return nil }
        let inner = trimmed(text.dropFirst().dropLast())
        if inner.isEmpty { return [] }
        var items: [FrontMatterValue] = []
        for item in inner.split(separator: 0x2C, omittingEmptySubsequences: false) {
            guard let value = plain(trimmed(item), inList: true) else { return nil }
            items.append(value)
        }
        return items
    }

    /// Whether `byte` gives a plain value another meaning when it starts it: ``-?:,[]{}#&*!|>'"%@` ``.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60: true
        default: false
        }
    }

    /// Whether `byte` ends a plain item of an inline list, or starts a comment, a key or a quote there: `,[]{}:#'"`.
    private static func isListSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x3A, 0x23, 0x27, 0x22: true
        default: false
        }
    }

    /// Unquoted text that YAML reads as itself: not a null, no comment, no nested key.
    private static func plain(_ text: Bytes, inList: Bool) -> FrontMatterValue? {
        guard let first = text.first, !isIndicator(first), text.last != 0x3A else { return nil }
        if inList, text.contains(where: isListSeparator) { return nil }
        var previous: UInt8 = 0
        for byte in text {
            // `: ` would start a nested key, ` #` a comment.
            if (previous == 0x3A && byte == 0x20) || (previous == 0x20 && byte == 0x23) { return nil }
            previous = byte
        }
        let string = String(decoding: text, as: UTF8.self)
        switch string {
        case "~", "null", "Null", "NULL": return nil
        default: return .text(string)
        }
    }
}
