import Yams

/// Parses `facts.yaml`: a list of facts that several articles state (see ``Fact``).
///
/// ```yaml
/// - id: microneedling-redness
///   fact: Redness after microneedling usually lasts one to three days.
///   about: [microneedling, red]
///   states: one to three days
///   stated-in: [microneedling, microneedling-aftercare]
/// ```
/// Every malformed fact becomes an error at its line and is left out; the others are kept.
public enum FactFileParser {
    static let keys: Set<String> = ["id", "fact", "about", "unless", "states", "says", "never", "stated-in"]

    public static func parse(_ text: String, path: String, into diagnostics: inout [Diagnostic]) -> [Fact] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch {
            diagnostics.append(Diagnostic(.error, path: path, line: errorLine(error), "malformed YAML: \(errorText(error))"))
            return []
        }
        guard let root else { return [] }
        guard let sequence = root.sequence else {
            diagnostics.append(Diagnostic(.error, path: path, line: line(of: root), "facts.yaml must be a list of facts (- id: …)"))
            return []
        }
        var facts: [Fact] = []
        var ids: [String: Int] = [:]
        for node in sequence {
            guard let fact = fact(node, path: path, into: &diagnostics) else { continue }
            if let first = ids[fact.id] {
                diagnostics.append(Diagnostic(.error, path: path, line: fact.line, "duplicate fact id '\(fact.id)': also line \(first)"))
                continue
            }
            ids[fact.id] = fact.line
            facts.append(fact)
        }
        return facts
    }

    private static func fact(_ node: Node, path: String, into diagnostics: inout [Diagnostic]) -> Fact? {
        let line = line(of: node)
        func problem(_ message: String, at line: Int) -> Fact? {
            diagnostics.append(Diagnostic(.error, path: path, line: line, message))
            return nil
        }
        guard let mapping = node.mapping else { return problem("a fact must be a mapping (id, fact, about, …)", at: line) }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                return problem("unknown key '\(name)': expected one of \(keys.sorted().joined(separator: ", "))", at: self.line(of: key))
            }
            fields[name] = value
        }
        guard let id = fields["id"]?.string, !id.isEmpty else { return problem("a fact needs an id", at: line) }
        guard let statement = fields["fact"]?.string, !statement.isEmpty else {
            return problem("fact '\(id)' needs a 'fact:' sentence", at: line)
        }
        guard let about = fields["about"]?.sequence.map(terms), !about.isEmpty, about.allSatisfy({ !$0.isEmpty }) else {
            return problem("fact '\(id)' needs 'about:', a list of terms (or lists of alternative terms)", at: line)
        }
        var quantity: StatedQuantity?
        if let states = fields["states"] {
            guard let text = states.string, let value = StatedQuantity(text) else {
                return problem("fact '\(id)': 'states:' must be one quantity such as 'six months' or 'three to six sessions'", at: self.line(of: states))
            }
            quantity = value
        }
        let unless = fields["unless"]?.sequence.map { $0.compactMap(\.string) } ?? []
        let says = fields["says"]?.sequence.map { $0.compactMap(\.string) } ?? []
        let never = fields["never"]?.sequence.map { $0.compactMap(\.string) } ?? []
        let statedIn = fields["stated-in"]?.sequence.map { $0.compactMap(\.string) } ?? []
        return Fact(
            id: id, statement: statement, about: about, exceptions: unless, quantity: quantity, phrases: says, contradictions: never,
            statedIn: statedIn, path: path, line: line)
    }

    /// `[a, [b, c]]` as `[[a], [b, c]]`.
    private static func terms(_ sequence: Node.Sequence) -> [[String]] {
        sequence.map { entry in entry.sequence.map { $0.compactMap(\.string) } ?? [entry.string].compactMap { $0 } }
    }

    private static func line(of node: Node) -> Int { node.mark?.line ?? 1 }

    private static func errorLine(_ error: Error) -> Int {
        guard let yamlError = error as? YamlError else { return 1 }
        switch yamlError {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        default: return 1
        }
    }

    private static func errorText(_ error: Error) -> String {
        guard let yamlError = error as? YamlError else { return "\(error)" }
        switch yamlError {
        case let .scanner(_, text, _, _), let .parser(_, text, _, _), let .composer(_, text, _, _): return text
        default: return "\(yamlError)".split(separator: "\n").first.map(String.init) ?? "\(yamlError)"
        }
    }
}
