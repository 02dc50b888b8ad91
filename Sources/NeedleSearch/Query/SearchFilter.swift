import Foundation
import GRDB
import NeedleCorpus

/// Restricts results to articles of one kind and/or one listed concern.
///
/// ```swift
/// let filter = try SearchFilter(kind: "treatment", concern: "acne scars")
/// filter.sql  // "AND a.kind = :kind AND a.id IN (SELECT article_id FROM names …)"
/// ```
struct SearchFilter: Sendable, Hashable {
    var kind: String?
    var concern: String?

    /// Throws ``SearchError/unknownKind(_:)`` for a kind the corpus format does not have.
    init(kind: String?, concern: String?) throws {
        if let kind, ArticleKind(rawValue: kind) == nil { throw SearchError.unknownKind(kind) }
        self.kind = kind
        self.concern = concern.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// True when the filter lets every article through.
    var isEmpty: Bool { kind == nil && concern == nil }

    /// Conditions on the `articles a` row, to append to a WHERE clause.
    var sql: String {
        var clauses: [String] = []
        if kind != nil { clauses.append("AND a.kind = :kind") }
        if concern != nil {
            clauses.append("AND a.id IN (SELECT article_id FROM names WHERE role = 'concern' AND name = :concern COLLATE NOCASE)")
        }
        return clauses.joined(separator: " ")
    }

    /// The arguments `sql` names.
    var arguments: StatementArguments {
        var arguments: StatementArguments = [:]
        if let kind { arguments += ["kind": kind] }
        if let concern { arguments += ["concern": concern] }
        return arguments
    }
}
