import GRDB
import NeedleCorpus

/// What a search index reads once at open, from the `names` and `synonym_terms` tables:
/// the concept dictionary for expansion and the name index for ranking.
struct IndexNames: Sendable {
    var dictionary: ConceptDictionary
    var names: ArticleNameIndex

    static func load(_ db: Database) throws -> IndexNames {
        var articles: [ArticleNames] = []
        var names = ArticleNameIndex()
        var previousArticle: Int64?
        let rows = try Row.fetchCursor(db, sql: """
            SELECT n.article_id, a.slug, n.role, n.name FROM names n JOIN articles a ON a.id = n.article_id
            WHERE n.role IN ('title', 'alias') ORDER BY n.article_id, n.rowid
            """)
        while let row = try rows.next() {
            let article: Int64 = row[0]
            if article != previousArticle { articles.append(ArticleNames(slug: row[1], names: [])) }
            previousArticle = article
            articles[articles.count - 1].names.append(row[3])
            names.add(article: article, name: row[3], isTitle: row[2] == "title")
        }
        return IndexNames(dictionary: ConceptDictionary(articles: articles, synonyms: try synonymRules(db)), names: names)
    }

    private static func synonymRules(_ db: Database) throws -> [SynonymRule] {
        var rules: [SynonymRule] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT line, form, side, term FROM synonym_terms ORDER BY rowid")
        while let row = try rows.next() {
            let line: Int = row[0]
            if rules.last?.line != line {
                rules.append(SynonymRule(form: SynonymRule.Form(rawValue: row[1]) ?? .equivalent, terms: [], line: line))
            }
            let side: String = row[2]
            if side == "term" { rules[rules.count - 1].terms.append(row[3]) } else { rules[rules.count - 1].targets.append(row[3]) }
        }
        return rules
    }
}
