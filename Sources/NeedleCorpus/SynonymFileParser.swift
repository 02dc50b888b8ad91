/// Parses `synonyms.txt` in the Solr synonym format.
///
/// ```text
/// # comment
/// botox, botulinum toxin          # equivalent terms
/// sunblock, sun block => sunscreen # one-way
/// ```
/// Terms are lowercased and their inner whitespace collapsed; multi-word terms are allowed.
/// `#` starts a comment anywhere on a line. Each malformed line becomes a diagnostic,
/// and parsing continues with the next line.
public enum SynonymFileParser {
    public static func parse(_ text: String, path: String, into diagnostics: inout [Diagnostic]) -> [SynonymRule] {
        var rules: [SynonymRule] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let content = (rawLine.firstIndex(of: "#").map { rawLine[..<$0] } ?? rawLine).trimmingWhitespace()
            if content.isEmpty { continue }
            switch parseLine(content) {
            case .success(let rule):
                rules.append(SynonymRule(form: rule.form, terms: rule.terms, targets: rule.targets, line: line))
            case .failure(let problem):
                diagnostics.append(Diagnostic(.error, path: path, line: line, "malformed synonym line: \(problem.message)"))
            }
        }
        return rules
    }

    private struct Problem: Error { var message: String }

    private static func parseLine(_ content: Substring) -> Result<SynonymRule, Problem> {
        let sides = content.split(separator: "=>", omittingEmptySubsequences: false)
        switch sides.count {
        case 1:
            return terms(sides[0]).flatMap { terms in
                terms.count >= 2
                    ? .success(SynonymRule(form: .equivalent, terms: terms, line: 0))
                    : .failure(Problem(message: "a group needs at least two terms separated by commas"))
            }
        case 2:
            return terms(sides[0]).flatMap { left in
                terms(sides[1]).map { right in SynonymRule(form: .oneWay, terms: left, targets: right, line: 0) }
            }
        default:
            return .failure(Problem(message: "more than one '=>'"))
        }
    }

    private static func terms(_ side: Substring) -> Result<[String], Problem> {
        var terms: [String] = []
        for piece in side.split(separator: ",", omittingEmptySubsequences: false) {
            let term = normalize(piece)
            guard !term.isEmpty else {
                let problem = side.trimmingWhitespace().isEmpty ? "a side of '=>' is empty" : "empty term between commas"
                return .failure(Problem(message: problem))
            }
            terms.append(term)
        }
        return .success(terms)
    }

    private static func normalize(_ term: Substring) -> String {
        term.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }
}
