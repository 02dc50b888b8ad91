import Foundation

/// Reads the evaluation sets of `../shared/eval`.
///
/// ```swift
/// let medquad = try EvaluationSet.medQuAD(queriesFile: "…/queries-dev.tsv")  // search and ask queries
/// let lay = try EvaluationSet.lay(file: "…/lay/dev.tsv")
/// ```
public enum EvaluationSet {
    /// MedQuAD TSV (`qid  query  slug  section`, with a header): each line becomes a
    /// `search` query (any section of the slug counts) and an `ask` query (the section counts),
    /// each of the kind its `qid` names before its first `-`.
    public static func medQuAD(queriesFile path: String) throws -> [EvaluationQuery] {
        var queries: [EvaluationQuery] = []
        for (number, columns) in try rows(of: path).enumerated() where number > 0 && columns.count >= 4 {
            let kind = columns[0].split(separator: "-", maxSplits: 1).first.map(String.init)
            queries.append(EvaluationQuery(task: .search, text: columns[1], answers: [.init(slug: columns[2])], kind: kind))
            queries.append(EvaluationQuery(
                task: .ask, text: columns[1], answers: [.init(slug: columns[2], section: columns[3])], kind: kind))
        }
        return queries
    }

    /// Lay TSV (`task  query  slugs  k`, `#` comments): any listed slug within the first k counts.
    public static func lay(file path: String) throws -> [EvaluationQuery] {
        try rows(of: path).compactMap { columns in
            guard columns.count >= 4, let task = EvaluationQuery.Task(rawValue: columns[0]), let cutoff = Int(columns[3]) else {
                return nil
            }
            let slugs = columns[2].split(separator: ",").map { EvaluationQuery.Answer(slug: $0.trimmingCharacters(in: .whitespaces)) }
            return EvaluationQuery(task: task, text: columns[1], answers: slugs, cutoff: cutoff)
        }
    }

    /// The corpus a repo-local set is scored against, from its first line `# corpus: NAME`
    /// (`bundled` for `Corpus/`, `medquad-skin` for the MedQuAD-skin corpus); `nil` when unnamed.
    public static func corpus(ofSet path: String) throws -> String? {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let first = text.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("#") else { return nil }
        let words = first.dropFirst().split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        return words.count == 2 && words[0] == "corpus" ? words[1] : nil
    }

    /// Whether a set is in the MedQuAD format: its first line that is not a comment is the `qid` header.
    public static func isMedQuADFormat(_ path: String) throws -> Bool {
        try rows(of: path).first?.first == "qid"
    }

    private static func rows(of path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
