/// Removes Markdown syntax from text, keeping the words a reader sees.
///
/// Link and image text is kept, URLs are dropped; emphasis marks, inline-code
/// backticks, HTML tags, list and quote markers, rules and code fences are removed.
/// Block structure survives as one line per paragraph or list item.
///
/// ```swift
/// MarkdownText.plain("See [the **FAQ**](https://x.org) - `now`")  // "See the FAQ - now"
/// ```
public enum MarkdownText {
    /// Converts a block of Markdown lines to plain text, one line per paragraph or list item.
    public static func plain(lines: some Sequence<Substring>) -> String {
        var paragraphs: [String] = []
        var current: [String] = []
        var inFence = false
        func flush() {
            if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
            current.removeAll()
        }
        for rawLine in lines {
            let line = rawLine.trimmingWhitespace()
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
                continue
            }
            if inFence {
                if !line.isEmpty { paragraphs.append(String(line)) }
                continue
            }
            if line.isEmpty || isRule(line) || isReferenceDefinition(line) {
                flush()
                continue
            }
            let (content, startsBlock) = stripBlockMarker(line)
            if startsBlock { flush() }
            let text = plain(inline: content)
            if !text.isEmpty { current.append(text) }
        }
        flush()
        return paragraphs.joined(separator: "\n")
    }

    /// Converts a Markdown string (possibly several lines) to plain text.
    public static func plain(_ markdown: String) -> String {
        plain(lines: markdown.split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// Removes inline syntax from one line: emphasis, code marks, links, images, HTML tags, URLs.
    public static func plain(inline line: Substring) -> String {
        if isPlainASCII(line) { return collapseSpaces(String(line)) }
        var output = ""
        output.reserveCapacity(line.utf8.count)
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            switch character {
            case "\\":
                let next = line.index(after: index)
                if next < line.endIndex, line[next].isASCII, line[next].isPunctuation || line[next].isSymbol {
                    output.append(line[next])
                    index = line.index(after: next)
                    continue
                }
                output.append(character)
            case "*", "_", "~", "`":
                if character == "_", isIntraword(line, at: index) { output.append(character) }
            case "!" where line[line.index(after: index)...].hasPrefix("["):
                break
            case "[":
                if let (text, end) = linkText(line, at: index) {
                    output += plain(inline: text)
                    index = end
                    continue
                }
                output.append(character)
            case "<":
                if let end = line[index...].firstIndex(of: ">"), isTag(line[index...end]) {
                    index = line.index(after: end)
                    continue
                }
                output.append(character)
            case "h" where line[index...].hasPrefix("http://") || line[index...].hasPrefix("https://"):
                index = line[index...].firstIndex(where: \.isWhitespace) ?? line.endIndex
                continue
            case "|":
                output.append(" ")
            default:
                output.append(character)
            }
            index = line.index(after: index)
        }
        return collapseSpaces(output)
    }

    private static func isRule(_ line: Substring) -> Bool {
        guard let first = line.first(where: { !$0.isWhitespace }), "-*_".contains(first) else { return false }
        let marks = line.filter { !$0.isWhitespace }
        return marks.count >= 3 && marks.allSatisfy { $0 == first }
    }

    /// True for ASCII text without a character that `plain(inline:)` would treat as syntax,
    /// which is most of an article: such a line only needs its spaces collapsed.
    private static func isPlainASCII(_ line: Substring) -> Bool {
        var previous: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in line.utf8 {
            if byte >= 0x80 || isSyntaxByte(byte) { return false }
            // "http": a URL to drop.
            if byte == UInt8(ascii: "p"), previous == (UInt8(ascii: "h"), UInt8(ascii: "t"), UInt8(ascii: "t")) { return false }
            previous = (previous.1, previous.2, byte)
        }
        return true
    }

    /// Whether `plain(inline:)` treats `byte` as syntax: backslash, `*`, `_`, `~`, backtick, `!`,
    /// `[`, `<`, `|`. A switch: hashing each byte into a `Set` took 2% of a build.
    private static func isSyntaxByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x5C, 0x2A, 0x5F, 0x7E, 0x60, 0x21, 0x5B, 0x3C, 0x7C: true
        default: false
        }
    }

    private static func isReferenceDefinition(_ line: Substring) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        return line[line.index(after: close)...].hasPrefix(":")
    }

    /// Drops a leading list, quote or heading marker; reports whether the line starts a new block.
    private static func stripBlockMarker(_ line: Substring) -> (Substring, Bool) {
        var rest = line
        var startsBlock = false
        while rest.hasPrefix(">") {
            rest = rest.dropFirst().trimmingWhitespace()
            startsBlock = true
        }
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            return (rest.dropFirst(2).trimmingWhitespace(), true)
        }
        let digits = rest.prefix(while: \.isASCIIDigit)
        if !digits.isEmpty, digits.count <= 3 {
            let after = rest[digits.endIndex...]
            if after.hasPrefix(". ") || after.hasPrefix(") ") {
                return (after.dropFirst(2).trimmingWhitespace(), true)
            }
        }
        if rest.hasPrefix("#") {
            rest = rest.drop(while: { $0 == "#" }).trimmingWhitespace()
            startsBlock = true
        }
        return (rest, startsBlock)
    }

    /// For `[text](url)`, `[text][ref]` and `[text]`: the text and the index after the link.
    private static func linkText(_ line: Substring, at open: Substring.Index) -> (Substring, Substring.Index)? {
        var depth = 0
        var index = open
        while index < line.endIndex {
            if line[index] == "[" { depth += 1 }
            if line[index] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            index = line.index(after: index)
        }
        guard index < line.endIndex else { return nil }
        let text = line[line.index(after: open)..<index]
        var end = line.index(after: index)
        if end < line.endIndex, line[end] == "(" || line[end] == "[" {
            let closer: Character = line[end] == "(" ? ")" : "]"
            guard let close = line[end...].firstIndex(of: closer) else { return (text, end) }
            end = line.index(after: close)
        }
        return (text, end)
    }

    private static func isTag(_ candidate: Substring) -> Bool {
        let inner = candidate.dropFirst().dropLast()
        guard let first = inner.first else { return false }
        return (first.isLetter || first == "/" || first == "!") && !inner.contains(" <")
    }

    private static func isIntraword(_ line: Substring, at index: Substring.Index) -> Bool {
        guard index > line.startIndex else { return false }
        let next = line.index(after: index)
        guard next < line.endIndex else { return false }
        return line[line.index(before: index)].isLetterOrDigit && line[next].isLetterOrDigit
    }

    private static func collapseSpaces(_ text: String) -> String {
        if let ascii = collapseASCIISpaces(text) { return ascii }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.append(character)
            }
        }
        return output
    }

    /// `collapseSpaces` on bytes, for ASCII text; `nil` when the text is not ASCII.
    private static func collapseASCIISpaces(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 { return nil }
            if byte.isASCIIWhitespace {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        if let trimmed = trimmingASCIIWhitespace() { return trimmed }
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? start
        return self[start..<end]
    }

    /// The same trim on bytes when both ends are ASCII; `nil` when a non-ASCII byte is
    /// met first, since Unicode whitespace needs the `Character` rules.
    private func trimmingASCIIWhitespace() -> Substring? {
        let bytes = utf8
        var start = bytes.startIndex
        while start < bytes.endIndex, bytes[start].isASCIIWhitespace { start = bytes.index(after: start) }
        guard start < bytes.endIndex else { return self[endIndex...] }
        guard bytes[start] < 0x80 else { return nil }
        var end = bytes.index(before: bytes.endIndex)
        while bytes[end].isASCIIWhitespace { end = bytes.index(before: end) }
        guard bytes[end] < 0x80 else { return nil }
        return self[start..<bytes.index(after: end)]
    }
}

extension UInt8 {
    /// Space, tab, newline, vertical tab, form feed, carriage return: the ASCII characters
    /// `Character.isWhitespace` accepts.
    var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0d).contains(self) }
}

extension String {
    func trimmingWhitespace() -> String { String(self[...].trimmingWhitespace()) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
