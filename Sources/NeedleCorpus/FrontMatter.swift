/// The YAML block between the `---` lines at the top of an article.
///
/// Parsing never stops at the first problem: every missing, unknown or mistyped key
/// becomes a ``Diagnostic`` with the file line of the key. The common shapes
/// (`key: value`, `[a, b]` and `- item` lists, quoted strings) are read by
/// ``SimpleFrontMatter``; anything else goes to Yams (``YAMLFrontMatter``), with the
/// same values and diagnostics.
struct FrontMatter {
    /// The keys an article may have; any other key is a warning.
    static let knownKeys: Set<String> = ["title", "kind", "aliases", "concerns", "summary"]

    var title: String?
    var kind: ArticleKind?
    var aliases: [String] = []
    var concerns: [String] = []
    var summary: String?
    /// File line of `title` and of each alias, for diagnostics about names.
    var titleLine: Int
    var aliasLines: [Int] = []

    /// Parses `yaml`, whose first line is line `firstLine` of the file at `path`.
    static func parse(_ yaml: String, path: String, firstLine: Int, into diagnostics: inout [Diagnostic]) -> FrontMatter? {
        guard let entries = SimpleFrontMatter.entries(yaml, firstLine: firstLine)
                ?? YAMLFrontMatter.entries(yaml, path: path, firstLine: firstLine, into: &diagnostics)
        else { return nil }
        var matter = FrontMatter(titleLine: firstLine)
        var reader = ValueReader(path: path)
        var keys = Set<String>()
        for entry in entries {
            let (key, line) = (entry.key, entry.line)
            keys.insert(key)
            switch key {
            case "title":
                matter.title = reader.text(entry.value, key: key, line: line)
                matter.titleLine = line
            case "kind":
                matter.kind = reader.kind(entry.value, line: line)
            case "aliases":
                let items = reader.list(entry.value, key: key, line: line)
                matter.aliases = items.map(\.text)
                matter.aliasLines = items.map(\.line)
            case "concerns":
                matter.concerns = reader.list(entry.value, key: key, line: line).map(\.text)
            case "summary":
                matter.summary = reader.text(entry.value, key: key, line: line)
            default:
                let known = knownKeys.sorted().joined(separator: ", ")
                reader.diagnostics.append(Diagnostic(.warning, path: path, line: line, "unknown front matter key '\(key)' (known: \(known))"))
            }
        }
        diagnostics += reader.diagnostics
        // A key that is present but invalid has already been reported at its own line.
        if !keys.contains("title") {
            diagnostics.append(Diagnostic(.error, path: path, line: firstLine - 1, "missing title: add 'title: Name' to the front matter"))
        }
        if !keys.contains("kind") {
            diagnostics.append(Diagnostic(.error, path: path, line: firstLine - 1, "missing kind: add 'kind: \(kindList)' to the front matter"))
        }
        return matter
    }

    static let kindList = ArticleKind.allCases.map(\.rawValue).joined(separator: " | ")
}

/// Reads typed fields from front matter values, collecting diagnostics.
private struct ValueReader {
    let path: String
    var diagnostics: [Diagnostic] = []

    mutating func text(_ value: FrontMatterValue, key: String, line: Int) -> String? {
        guard case .text(let string) = value else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "'\(key)' must be text"))
            return nil
        }
        let text = string.trimmingWhitespace()
        guard !text.isEmpty else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "'\(key)' is empty"))
            return nil
        }
        return text
    }

    mutating func kind(_ value: FrontMatterValue, line: Int) -> ArticleKind? {
        guard let text = text(value, key: "kind", line: line) else { return nil }
        guard let kind = ArticleKind(rawValue: text) else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "unknown kind '\(text)' (expected \(FrontMatter.kindList))"))
            return nil
        }
        return kind
    }

    mutating func list(_ value: FrontMatterValue, key: String, line: Int) -> [(text: String, line: Int)] {
        if value == .null { return [] }
        guard case .list(let sequence) = value else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "'\(key)' must be a list, like [First, Second]"))
            return []
        }
        var items: [(text: String, line: Int)] = []
        for item in sequence {
            if let text = text(item.value, key: "\(key) item", line: item.line) { items.append((text, item.line)) }
        }
        return items
    }
}
