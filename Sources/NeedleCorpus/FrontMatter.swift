import Yams

/// The YAML block between the `---` lines at the top of an article.
///
/// Parsing never stops at the first problem: every missing, unknown or mistyped key
/// becomes a ``Diagnostic`` with the file line of the key.
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
        let root: Node?
        do {
            // The encoding is given: Yams' default reads the process environment on every call.
            root = try Yams.compose(yaml: yaml, nullOnly, .default, .utf8)
        } catch {
            diagnostics.append(yamlDiagnostic(error, path: path, firstLine: firstLine))
            return nil
        }
        guard let root, let mapping = root.mapping else {
            let problem = root == nil ? "front matter is empty" : "front matter must be a mapping of keys to values"
            diagnostics.append(Diagnostic(.error, path: path, line: firstLine, problem + " (title, kind, …)"))
            return nil
        }
        var matter = FrontMatter(titleLine: firstLine)
        var reader = KeyReader(path: path, firstLine: firstLine)
        var keys = Set<String>()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            keys.insert(key)
            let line = reader.line(of: keyNode)
            switch key {
            case "title":
                matter.title = reader.text(value, key: key, line: line)
                matter.titleLine = line
            case "kind":
                matter.kind = reader.kind(value, line: line)
            case "aliases":
                let items = reader.list(value, key: key, line: line)
                matter.aliases = items.map(\.text)
                matter.aliasLines = items.map(\.line)
            case "concerns":
                matter.concerns = reader.list(value, key: key, line: line).map(\.text)
            case "summary":
                matter.summary = reader.text(value, key: key, line: line)
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

    /// Only `null` matters here (every other value is read as text), so the resolver
    /// skips Yams' other rules: each is a regular expression run on every scalar.
    private static let nullOnly = Resolver.basic.appending(.null)

    static let kindList = ArticleKind.allCases.map(\.rawValue).joined(separator: " | ")

    private static func yamlDiagnostic(_ error: Error, path: String, firstLine: Int) -> Diagnostic {
        var line = firstLine
        var problem = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(_, text, mark, _), let .parser(_, text, mark, _), let .composer(_, text, mark, _):
                line = firstLine + mark.line - 1
                problem = text
            default:
                problem = "\(yamlError)".split(separator: "\n").first.map(String.init) ?? problem
            }
        }
        return Diagnostic(.error, path: path, line: line, "malformed YAML in front matter: \(problem)")
    }
}

/// Reads typed values from front matter nodes, collecting diagnostics.
private struct KeyReader {
    let path: String
    let firstLine: Int
    var diagnostics: [Diagnostic] = []

    func line(of node: Node) -> Int {
        firstLine + (node.mark?.line ?? 1) - 1
    }

    mutating func text(_ node: Node, key: String, line: Int) -> String? {
        guard let scalar = node.scalar, node.tag != Tag(.null) else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "'\(key)' must be text"))
            return nil
        }
        let value = scalar.string.trimmingWhitespace()
        guard !value.isEmpty else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "'\(key)' is empty"))
            return nil
        }
        return value
    }

    mutating func kind(_ node: Node, line: Int) -> ArticleKind? {
        guard let value = text(node, key: "kind", line: line) else { return nil }
        guard let kind = ArticleKind(rawValue: value) else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "unknown kind '\(value)' (expected \(FrontMatter.kindList))"))
            return nil
        }
        return kind
    }

    mutating func list(_ node: Node, key: String, line: Int) -> [(text: String, line: Int)] {
        if node.tag == Tag(.null) { return [] }
        guard let sequence = node.sequence else {
            diagnostics.append(Diagnostic(.error, path: path, line: line, "'\(key)' must be a list, like [First, Second]"))
            return []
        }
        var items: [(text: String, line: Int)] = []
        for item in sequence {
            let itemLine = self.line(of: item)
            if let value = text(item, key: "\(key) item", line: itemLine) { items.append((value, itemLine)) }
        }
        return items
    }
}
