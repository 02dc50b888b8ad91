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
        let marks = line.filter { !$0.isWhitespace }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
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
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map(index(after:)) ?? start
        return self[start..<end]
    }
}

extension String {
    func trimmingWhitespace() -> String { String(self[...].trimmingWhitespace()) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
