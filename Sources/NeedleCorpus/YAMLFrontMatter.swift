import Yams

/// Reads front matter with Yams: any YAML, with libyaml's error messages and positions.
///
/// ``SimpleFrontMatter`` reads the common shapes faster; this is the reader for the rest.
enum YAMLFrontMatter {
    /// The entries of `yaml`, whose first line is line `firstLine` of the file at `path`,
    /// or `nil` with a diagnostic when it is not a mapping of keys to values.
    static func entries(_ yaml: String, path: String, firstLine: Int, into diagnostics: inout [Diagnostic]) -> [FrontMatterEntry]? {
        let root: Node?
        do {
            // The encoding is given: Yams' default reads the process environment on every call.
            root = try Yams.compose(yaml: yaml, nullOnly, .default, .utf8)
        } catch {
            diagnostics.append(diagnostic(error, path: path, firstLine: firstLine))
            return nil
        }
        guard let root, let mapping = root.mapping else {
            let problem = root == nil ? "front matter is empty" : "front matter must be a mapping of keys to values"
            diagnostics.append(Diagnostic(.error, path: path, line: firstLine, problem + " (title, kind, …)"))
            return nil
        }
        return mapping.map { key, value in
            FrontMatterEntry(key: key.string ?? "", line: line(of: key, firstLine: firstLine), value: self.value(value, firstLine: firstLine))
        }
    }

    /// Only `null` matters here (every other value is read as text), so the resolver
    /// skips Yams' other rules: each is a regular expression run on every scalar.
    private static let nullOnly = Resolver.basic.appending(.null)

    private static func line(of node: Node, firstLine: Int) -> Int {
        firstLine + (node.mark?.line ?? 1) - 1
    }

    private static func value(_ node: Node, firstLine: Int) -> FrontMatterValue {
        switch node {
        case .scalar(let scalar):
            return node.tag == Tag(.null) ? .null : .text(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map { .init(value: value($0, firstLine: firstLine), line: line(of: $0, firstLine: firstLine)) })
        default:
            return .other
        }
    }

    private static func diagnostic(_ error: Error, path: String, firstLine: Int) -> Diagnostic {
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
