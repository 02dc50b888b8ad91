import Foundation
import GRDB
import NeedleCorpus
import NeedleIndex
import NeedleProtocol

/// An open index, ready to answer queries from several threads at once.
///
/// Reads go through a pool of read-only SQLite connections, so concurrent
/// searches run in parallel. The concept dictionary is loaded once at open.
///
/// ```swift
/// let index = try SearchIndex.open(path: "Index/needle.sqlite")
/// let result = try index.search(SearchRequest(query: "PCI"))
/// result.hits.first?.slug // "microneedling"
/// ```
public final class SearchIndex: Sendable {
    public let path: String
    public let meta: IndexMeta
    public let weights: RankingWeights
    let pool: DatabasePool
    let expander: QueryExpander
    /// Corrects query words the index does not know; see ``correction(for:)``.
    public let corrector: SpellingCorrector
    let completer: NameCompleter

    init(
        path: String, meta: IndexMeta, pool: DatabasePool, dictionary: ConceptDictionary, weights: RankingWeights,
        corrector: SpellingCorrector, completer: NameCompleter
    ) {
        self.path = path
        self.meta = meta
        self.pool = pool
        self.expander = QueryExpander(dictionary: dictionary)
        self.weights = weights
        self.corrector = corrector
        self.completer = completer
    }

    /// Opens the index at `path` with up to `readers` concurrent connections.
    ///
    /// Throws ``NeedleIndex/IndexError`` when the file is missing, not an index, or of
    /// another schema version.
    public static func open(path: String, readers: Int = 4, weights: RankingWeights = RankingWeights()) throws -> SearchIndex {
        guard FileManager.default.fileExists(atPath: path) else { throw IndexError.missing(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.maximumReaderCount = max(1, readers)
        configuration.label = "needle.index"
        configuration.prepareDatabase { db in try IndexVocabulary.attach(db) }
        let pool = try DatabasePool(path: path, configuration: configuration)
        let (meta, dictionary, corrector, completer) = try pool.read { db in
            (try IndexMeta.read(db, path: path), try loadDictionary(db), try SpellingCorrector.load(db), try NameCompleter.load(db))
        }
        return SearchIndex(
            path: path, meta: meta, pool: pool, dictionary: dictionary, weights: weights, corrector: corrector, completer: completer)
    }

    /// How a query was read: its groups of alternative phrases and the FTS5 expression.
    public func expand(_ query: String) -> ExpandedQuery {
        expander.expand(ParsedQuery(query))
    }

    /// Runs a search on one of the pool's reader connections.
    ///
    /// Throws ``SearchError`` for a bad filter, or a database error.
    public func search(_ request: SearchRequest) async throws -> SearchResult {
        let clock = ContinuousClock()
        let start = clock.now
        if let kind = request.kind, ArticleKind(rawValue: kind) == nil { throw SearchError.unknownKind(kind) }
        let query = expand(request.query)
        guard !query.isEmpty else { return SearchResult(total: 0, hits: [], expanded: []) }
        let weights = self.weights
        var result = try await pool.read { db in
            try ArticleSearch(db: db, weights: weights, query: query, kind: request.kind)
                .run(limit: request.limit, offset: request.offset)
        }
        result.tookMicroseconds = Int((clock.now - start) / .microseconds(1))
        return result
    }

    private static func loadDictionary(_ db: Database) throws -> ConceptDictionary {
        var names: [[String]] = []
        var previousArticle: Int64?
        for row in try Row.fetchAll(db, sql: """
            SELECT article_id, name FROM names WHERE role IN ('title', 'alias') ORDER BY article_id, rowid
            """) {
            let article: Int64 = row[0]
            if article != previousArticle { names.append([]) }
            previousArticle = article
            names[names.count - 1].append(row[1])
        }
        var rules: [SynonymRule] = []
        for row in try Row.fetchAll(db, sql: "SELECT line, form, side, term FROM synonym_terms ORDER BY rowid") {
            let line: Int = row[0]
            if rules.last?.line != line {
                rules.append(SynonymRule(form: SynonymRule.Form(rawValue: row[1]) ?? .equivalent, terms: [], line: line))
            }
            let side: String = row[2]
            if side == "term" { rules[rules.count - 1].terms.append(row[3]) } else { rules[rules.count - 1].targets.append(row[3]) }
        }
        return ConceptDictionary(articleNames: names, synonyms: rules)
    }
}
