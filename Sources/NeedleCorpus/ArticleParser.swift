/// Parses one article file: front matter, then the body split into passages.
///
/// ```swift
/// var diagnostics: [Diagnostic] = []
/// let article = ArticleParser.parse(bytes, slug: "acne", path: "Corpus/articles/acne.md", into: &diagnostics)
/// ```
/// Returns `nil` when the article has errors (all of them are appended to `diagnostics`);
/// warnings are appended too and do not prevent a result.
///
/// With `skippingBody`, the body is not split and the article has no passages: for a
/// file already indexed unchanged, whose body is known to be valid, only the front
/// matter is needed (its names and their diagnostics).
public enum ArticleParser {
    public static func parse(
        _ bytes: [UInt8], slug: String, path: String, skippingBody: Bool = false, into diagnostics: inout [Diagnostic]
    ) -> Article? {
        var problems: [Diagnostic] = []
        if !isValidSlug(slug) {
            problems.append(Diagnostic(.error, path: path, line: 1, "bad slug '\(slug)': file names must be lowercase letters, digits and hyphens, like 'chemical-peel.md'"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.append(Diagnostic(.error, path: path, line: invalidUTF8Line(bytes), "invalid UTF-8: save the file as UTF-8"))
            diagnostics += problems
            return nil
        }
        let lines = splitLines(text).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first?.trimmingWhitespace() == "---" else {
            problems.append(Diagnostic(.error, path: path, line: 1, "missing front matter: the file must start with a '---' line"))
            diagnostics += problems
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingWhitespace() == "---" }) else {
            problems.append(Diagnostic(.error, path: path, line: 1, "front matter is not closed: add a '---' line after it"))
            diagnostics += problems
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let matter = FrontMatter.parse(yaml, path: path, firstLine: 2, into: &problems)
        let passages = skippingBody ? [] : PassageSplitter.passages(lines: Array(lines[(close + 1)...]), firstLine: close + 2)
        if passages.isEmpty, !skippingBody {
            problems.append(Diagnostic(.error, path: path, line: close + 1, "empty body: write the article below the front matter"))
        }
        diagnostics += problems
        guard !problems.containsErrors, let matter, let title = matter.title, let kind = matter.kind else { return nil }
        return Article(
            slug: slug, path: path, title: title, kind: kind, aliases: matter.aliases,
            concerns: matter.concerns, summary: matter.summary, passages: passages,
            nameLines: [matter.titleLine] + matter.aliasLines, digest: ContentDigest.of(bytes))
    }

    /// True for `[a-z0-9-]+`.
    public static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2d }
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, found on bytes.
    ///
    /// As with `Character`s, a `\n` right after `\r` is not a separator: `\r\n` is one
    /// `Character`, and every other `\n` is a `Character` of its own.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var previous: UInt8 = 0
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0a, previous != 0x0d {
                lines.append(text[start..<index])
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        lines.append(text[start..<bytes.endIndex])
        return lines
    }

    /// The 1-based line holding the first byte that is not valid UTF-8.
    private static func invalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < bytes.count {
            let lineEnd = bytes[index...].firstIndex(of: 0x0a) ?? bytes.count
            if String(validating: bytes[index..<lineEnd], as: UTF8.self) == nil { return line }
            line += 1
            index = lineEnd + 1
        }
        return line
    }
}
