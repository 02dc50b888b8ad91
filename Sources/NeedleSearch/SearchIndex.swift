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
    let names: ArticleNameIndex
    /// Corrects query words the index does not know; see ``correction(for:)``.
    public let corrector: SpellingCorrector
    let completer: NameCompleter

    init(
        path: String, meta: IndexMeta, pool: DatabasePool, concepts: IndexNames, weights: RankingWeights,
        corrector: SpellingCorrector, completer: NameCompleter
    ) {
        self.path = path
        self.meta = meta
        self.pool = pool
        self.expander = QueryExpander(dictionary: concepts.dictionary)
        self.names = concepts.names
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
        let (meta, concepts, corrector, completer) = try pool.read { db in
            (try IndexMeta.read(db, path: path), try IndexNames.load(db), try SpellingCorrector.load(db), try NameCompleter.load(db))
        }
        return SearchIndex(
            path: path, meta: meta, pool: pool, concepts: concepts, weights: weights, corrector: corrector, completer: completer)
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
        let filter = try SearchFilter(kind: request.kind, concern: request.concern)
        let query = expand(request.query)
        guard !query.isEmpty else { return SearchResult(total: 0, hits: [], expanded: []) }
        let (weights, names) = (self.weights, self.names)
        var result = try await pool.read { db in
            try ArticleSearch(db: db, weights: weights, names: names, query: query, filter: filter).run(request)
        }
        result.tookMicroseconds = Int((clock.now - start) / .microseconds(1))
        return result
    }

    /// Answers a question with passages, on one of the pool's reader connections.
    ///
    /// Throws ``SearchError`` for a bad filter, or a database error.
    public func ask(_ request: AskRequest) async throws -> AskResult {
        let clock = ContinuousClock()
        let start = clock.now
        let filter = try SearchFilter(kind: request.kind, concern: request.concern)
        let analysis = QuestionAnalysis(request.question)
        let question = expand(request.question)
        let topic = expand(analysis.topic)
        guard !topic.isEmpty else { return AskResult(answers: [], intent: analysis.intents.first?.rawValue, topic: analysis.topic) }
        let (weights, names) = (self.weights, self.names)
        var result = try await pool.read { db in
            try AnswerSearch(
                db: db, ranker: ArticleRanker(db: db, weights: weights, names: names), analysis: analysis,
                topic: topic, question: question, filter: filter
            ).run(request)
        }
        result.tookMicroseconds = Int((clock.now - start) / .microseconds(1))
        return result
    }
}
