import Foundation

/// Reads the evaluation sets of `../shared/eval`.
///
/// ```swift
/// let medquad = try EvaluationSet.medQuAD(queriesFile: "…/queries-dev.tsv")  // search and ask queries
/// let lay = try EvaluationSet.lay(file: "…/lay/dev.tsv")
/// ```
public enum EvaluationSet {
    /// MedQuAD TSV (`qid  query  slug  section`, with a header): each line becomes a
    /// `search` query (any section of the slug counts) and an `ask` query (the section counts).
    public static func medQuAD(queriesFile path: String) throws -> [EvaluationQuery] {
        var queries: [EvaluationQuery] = []
        for (number, columns) in try rows(of: path).enumerated() where number > 0 && columns.count >= 4 {
            queries.append(EvaluationQuery(task: .search, text: columns[1], answers: [.init(slug: columns[2])]))
            queries.append(EvaluationQuery(task: .ask, text: columns[1], answers: [.init(slug: columns[2], section: columns[3])]))
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

    private static func rows(of path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
