/// Splits an article body into passages at `##` and `###` headings.
///
/// The text before the first heading is the introduction (heading `nil`). A `###`
/// section remembers its enclosing `##` heading as `parent`. Sections whose text is
/// empty (a `## FAQ` that only holds questions) are dropped, except that their
/// heading still names the parent of the sections below. Headings inside code
/// fences are text.
enum PassageSplitter {
    /// - Parameters:
    ///   - lines: the body lines.
    ///   - firstLine: the 1-based file line number of `lines[0]`.
    static func passages(lines: [Substring], firstLine: Int) -> [Passage] {
        var passages: [Passage] = []
        var heading: String?
        var parent: String?
        var enclosingSection: String?
        var level = 0
        var headingLine = firstLine
        var block: [Substring] = []
        var inFence = false

        func flush() {
            let text = MarkdownText.plain(lines: block)
            if !text.isEmpty {
                passages.append(Passage(heading: heading, parent: parent, level: level, text: text, line: headingLine))
            }
            block.removeAll()
        }

        for (offset, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, let (headingLevel, title) = sectionHeading(trimmed) else {
                if block.isEmpty, trimmed.isEmpty { continue }
                if block.isEmpty, heading == nil, passages.isEmpty { headingLine = firstLine + offset }
                block.append(line)
                continue
            }
            flush()
            if headingLevel == 2 { enclosingSection = title }
            parent = headingLevel == 3 ? enclosingSection : nil
            heading = title
            level = headingLevel
            headingLine = firstLine + offset
        }
        flush()
        return passages
    }

    /// `(2, "Benefits")` for `## Benefits`, `(3, "…")` for `### …`; `nil` for anything else.
    static func sectionHeading(_ line: Substring) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard hashes == 2 || hashes == 3 else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingWhitespace()
        while title.hasSuffix("#") { title = title.dropLast().trimmingWhitespace() }
        let plain = MarkdownText.plain(inline: title)
        return plain.isEmpty ? nil : (hashes, plain)
    }
}
