import Foundation
import GRDB

/// What the index knows about its terms for bm25: the `term_totals` read once at open, and
/// each term's row of `terms` and of `postings` read per query (see ``NeedleIndex``'s
/// `TermTable`).
///
/// ```swift
/// let terms = try IndexTerms.load(db)
/// IndexTerms.term(of: ["scarring"])                  // "scar": the FTS5 term of a one-word phrase
/// try terms.entry("scar", in: db)?.articles          // how many articles hold it
/// try terms.postings(ofTerm: "scar", in: db)?.bytes  // which, as a PostingList
/// ```
struct IndexTerms: Sendable {
    /// One term's row.
    struct Entry {
        var articles: Int64
        var passages: Int64
    }

    /// bm25's totals over `articles_fts`.
    let articles: BM25
    /// bm25's totals over `passages_fts`.
    let passages: BM25
    /// The highest article id.
    let lastArticle: Int64
    /// Phrases' scores per article, as ``ArticleMatches`` computed them, kept for the next query.
    let scores = PhraseScores()

    static func load(_ db: Database) throws -> IndexTerms {
        var totals: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM term_totals") { totals[row[0]] = row[1] }
        return IndexTerms(
            articles: BM25(rows: totals["article_rows"] ?? 0, tokens: totals["article_tokens"] ?? 0),
            passages: BM25(rows: totals["passage_rows"] ?? 0, tokens: totals["passage_tokens"] ?? 0),
            lastArticle: totals["last_article"] ?? 0)
    }

    /// The term FTS5 indexes a one-word phrase under (its Porter stem), when Needle computes
    /// it exactly as FTS5 does: one word of ASCII letters and digits. `nil` for anything
    /// else, which is left to FTS5 to match.
    static func term(of phrase: [String]) -> String? {
        guard phrase.count == 1, let word = phrase.first, !word.isEmpty,
              word.utf8.allSatisfy(TokenizedText.isASCIIAlphanumeric)
        else { return nil }
        return String(decoding: PorterStemmer.stem(word.utf8.map(TokenizedText.lowercased)), as: UTF8.self)
    }

    /// The articles that hold a term or phrase, as `postings` stores them.
    struct Postings {
        var articles: Int64
        var bytes: Data
    }

    /// The postings of `term` (an FTS5 term), or nil when no article holds it.
    func postings(ofTerm term: String, in db: Database) throws -> Postings? {
        try postings(db.cachedStatement(sql: "SELECT articles, postings FROM postings WHERE phrase = ?"), term)
    }

    /// The postings of `phrase`, found by the terms FTS5 makes of it: a phrase of one term,
    /// or of several that a name or synonym expands to (see ``NeedleIndex/PhraseTable``).
    /// `nil` for a phrase the index does not store (and a term no article holds).
    func postings(ofPhrase phrase: [String], in db: Database) throws -> Postings? {
        try postings(
            db.cachedStatement(sql: "SELECT articles, postings FROM postings WHERE phrase = needle_fts5_terms(?)"),
            phrase.joined(separator: " "))
    }

    private func postings(_ statement: Statement, _ key: String) throws -> Postings? {
        try Row.fetchOne(statement, arguments: [key]).map { Postings(articles: $0[0], bytes: $0[1]) }
    }

    /// The row of `term`, or nil when no article or passage holds it.
    func entry(_ term: String, in db: Database) throws -> Entry? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT articles, passages FROM terms WHERE term = ?"), arguments: [term])
        else { return nil }
        return Entry(articles: row[0], passages: row[1])
    }
}
