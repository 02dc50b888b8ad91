/// The sentences of an article's body, each with its file line and the heading it answers.
///
/// A sentence never spans lines (articles keep a paragraph on one line). The first
/// sentence of a section carries the section's heading: under `## FAQ` that is the
/// question, and the first sentence is its answer.
struct ArticleSentences {
    struct Sentence {
        var text: String
        /// 1-based line in the file.
        var line: Int
        /// The heading of the section this sentence opens, if it is the section's first.
        var heading: String?
        /// True when `heading` is an FAQ question.
        var isAnswer: Bool
    }

    /// Every sentence of `text` (a whole article file, front matter included).
    static func sentences(of text: String) -> [Sentence] {
        var sentences: [Sentence] = []
        var heading: String?
        var underFAQ = false
        var inFence = false
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated().dropFirst(bodyStart(lines)) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            if inFence || trimmed.isEmpty { continue }
            if let (level, title) = PassageSplitter.sectionHeading(trimmed) {
                if level == 2 { underFAQ = title == "FAQ" }
                heading = title
                continue
            }
            for sentence in split(MarkdownText.plain(lines: [line])) {
                sentences.append(Sentence(text: sentence, line: offset + 1, heading: heading, isAnswer: underFAQ && heading != "FAQ" && heading != nil))
                heading = nil
            }
        }
        return sentences
    }

    /// The index of the first body line: after the closing `---` of front matter.
    private static func bodyStart(_ lines: [Substring]) -> Int {
        guard lines.first?.trimmingWhitespace() == "---" else { return 0 }
        let close = lines.dropFirst().firstIndex { $0.trimmingWhitespace() == "---" }
        return close.map { $0 + 1 } ?? lines.count
    }

    /// Splits at `.`, `!`, `?` or `;` followed by a space: a clause after a semicolon
    /// usually states something else ("… one to three days; scalp treatments …").
    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previousEnds = false
        for character in text {
            if previousEnds, character == " " {
                sentences.append(current)
                current = ""
                previousEnds = false
                continue
            }
            current.append(character)
            previousEnds = ".!?;".contains(character)
        }
        let last = current.trimmingWhitespace()
        if !last.isEmpty { sentences.append(last) }
        return sentences.filter { !$0.isEmpty }
    }
}
