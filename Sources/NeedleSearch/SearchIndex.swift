import Foundation
import GRDB
import NeedleCorpus
import NeedleIndex
import NeedleProtocol

/// An open index, ready to answer queries from several threads at once.
///
/// Reads go through a set of read-only SQLite connections (``ReaderConnections``), so
/// concurrent searches run in parallel. The concept dictionary is loaded once at open.
///
/// ```swift
/// let index = try SearchIndex.open(path: "Index/needle.sqlite")
/// let result = try index.search(SearchRequest(query: "PCI"))
/// result.hits.first?.slug // "microneedling"
/// ```
public final class SearchIndex: Sendable {
    public let path: String
    /// The file every connection reads, held open so the path may change under it.
    public let file: HeldIndexFile
    /// The most read-only connections it opens (see ``open(path:readers:mappedBytes:weights:)``).
    public let readers: Int
    /// How much of the file each connection maps into memory; 0 when it reads through its own cache.
    public let mappedBytes: Int
    public let meta: IndexMeta
    public let weights: RankingWeights
    let pool: ReaderConnections
    let expander: QueryExpander
    /// The expander of `ask`, which keeps fewer terms of a long message (``QueryFocus/questionBudget``).
    let questionExpander: QueryExpander
    let names: ArticleNameIndex
    /// The totals bm25 needs, read at open; the per-term rows are read per query.
    let terms: IndexTerms
    /// Corrects query words the index does not know; see ``correction(for:)``.
    public let corrector: SpellingCorrector
    let completer: NameCompleter
    /// What requests read from this index and keep in memory, for this index only.
    let caches = IndexCaches()

    init(
        file: HeldIndexFile, readers: Int, mappedBytes: Int, meta: IndexMeta, pool: ReaderConnections, concepts: IndexNames,
        weights: RankingWeights, terms: IndexTerms, corrector: SpellingCorrector, completer: NameCompleter
    ) {
        self.path = file.path
        self.file = file
        self.readers = readers
        self.mappedBytes = mappedBytes
        self.meta = meta
        self.pool = pool
        self.expander = QueryExpander(
            dictionary: concepts.dictionary,
            focus: QueryFocus(articleCount: meta.articles) { [corrector] in corrector.documentFrequency(ofStem: $0.stem) })
        self.questionExpander = expander.keeping(QueryFocus.questionBudget)
        self.names = concepts.names
        self.weights = weights
        self.terms = terms
        self.corrector = corrector
        self.completer = completer
    }

    /// Opens the index at `path` with up to `readers` concurrent connections, each mapping
    /// `mappedBytes` of the file into memory (SQLite's `mmap_size`).
    ///
    /// Mapping saves copying each page a query touches from the kernel's page cache into the
    /// connection's own 2 MiB cache, but every mapped page then counts in the process's RSS
    /// once per connection. It is safe because an index file is never rewritten in place:
    /// builds write a temporary file and rename it over the old one.
    ///
    /// Throws ``NeedleIndex/IndexError`` when the file is missing, not an index, or of
    /// another schema version.
    public static func open(
        path: String, readers: Int = 4, mappedBytes: Int = 0, weights: RankingWeights = RankingWeights()
    ) throws -> SearchIndex {
        try open(file: HeldIndexFile(path: path), readers: readers, mappedBytes: mappedBytes, weights: weights)
    }

    /// Opens the held index `file`; every connection, including those opened later,
    /// reads that file whatever happens at its path. See ``open(path:readers:mappedBytes:weights:)``.
    public static func open(
        file: HeldIndexFile, readers: Int = 4, mappedBytes: Int = 0, weights: RankingWeights = RankingWeights()
    ) throws -> SearchIndex {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "needle.index"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = \(max(0, mappedBytes))")
            // The file is never written in place (builds rename a new one over it), so each
            // connection takes its shared lock once and keeps it: no lock, unlock and
            // change-counter read per statement (see ``read(_:)``).
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try IndexVocabulary.attach(db)
            try PhraseHitCounts.register(db)
            try PhraseTable.registerTerms(db)
        }
        let path = file.path
        let pool: ReaderConnections
        do {
            pool = try ReaderConnections(path: file.connectionPath, configuration: configuration, readers: readers)
        } catch {
            throw IndexError.notAnIndex(path: path)
        }
        let (meta, concepts, corrector, completer) = try pool.read { db in
            (try IndexMeta.read(db, path: path), try IndexNames.load(db), try SpellingCorrector.load(db), try NameCompleter.load(db))
        }
        let terms = try pool.read(IndexTerms.load)
        return SearchIndex(
            file: file, readers: readers, mappedBytes: mappedBytes, meta: meta, pool: pool, concepts: concepts, weights: weights,
            terms: terms, corrector: corrector, completer: completer)
    }

    /// How a query was read: its groups of alternative phrases and the FTS5 expression.
    public func expand(_ query: String) -> ExpandedQuery {
        expander.expand(ParsedQuery(query))
    }

    /// Runs a search on one of the reader connections, on the calling thread.
    ///
    /// When a word of the query is not in the index, `did_you_mean` carries the query with
    /// it corrected; when the query as typed finds fewer than ``fewResults`` articles and the
    /// corrected one finds more, the corrected one's hits are returned (`corrected` is true).
    /// The search is interrupted once `limit` has passed since the call (``QueryTimeout``); no
    /// limit when `nil`. Throws ``SearchError`` for a bad filter, or a database error.
    public func search(_ request: SearchRequest, within limit: Duration? = nil) throws -> SearchResult {
        let clock = ContinuousClock()
        let start = clock.now
        let started = QueryDeadline.now()
        let filter = try SearchFilter(kind: request.kind, concern: request.concern)
        let parsed = ParsedQuery(request.query)
        let typed = expander.expand(parsed)
        guard !typed.isEmpty else { return SearchResult(total: 0, hits: [], expanded: []) }
        let (weights, names, terms, expander, corrector, caches) =
            (self.weights, self.names, self.terms, self.expander, self.corrector, self.caches)
        var result = try read { db in
            let ranker = ArticleRanker(db: db, weights: weights, names: names, terms: terms, store: caches.articles)
            return try QueryDeadline.run(db, within: limit, since: started) {
                try CorrectionFallback.answer(
                    request.query, parsed: parsed, corrector: corrector, db: db, correctFirst: Self.isMessage(typed),
                    run: { text in
                        let query = text == request.query ? typed : expander.expand(ParsedQuery(text))
                        try QueryDeadline.check()
                        return try ArticleSearch(db: db, ranker: ranker, query: query, filter: filter, caches: caches).run(request)
                    },
                    tryCorrected: { $0.total < Self.fewResults }, prefers: { $0.total > $1.total })
            }
        }
        result.tookMicroseconds = Int((clock.now - start) / .microseconds(1))
        return result
    }

    /// Below this many articles, a query with a misspelled word is run corrected as well.
    public static let fewResults = 3

    /// From this many terms (searched or dropped) on, a query is a message: its misspelled
    /// words are corrected before it is run (see ``CorrectionFallback``).
    public static let messageTerms = 8

    static func isMessage(_ query: ExpandedQuery) -> Bool {
        query.groups.count + query.dropped.count >= messageTerms
    }

    /// Answers a question with passages, on one of the reader connections, on the
    /// calling thread.
    ///
    /// When a word of the question is not in the index, `did_you_mean` carries the corrected
    /// question, which is answered too: when its best answer is more confident than the best
    /// answer to the question as typed, its answers are returned (`corrected` is true).
    /// The question is interrupted once `limit` has passed since the call (``QueryTimeout``);
    /// no limit when `nil`. Throws ``SearchError`` for a bad filter, or a database error.
    public func ask(_ request: AskRequest, within limit: Duration? = nil) throws -> AskResult {
        let clock = ContinuousClock()
        let start = clock.now
        let started = QueryDeadline.now()
        let filter = try SearchFilter(kind: request.kind, concern: request.concern)
        let (weights, names, terms, expander, corrector, caches) =
            (self.weights, self.names, self.terms, self.questionExpander, self.corrector, self.caches)
        let typed = ParsedQuery(request.question)
        let typedQuestion = expander.expand(typed)
        var result = try read { db in
            let ranker = ArticleRanker(db: db, weights: weights, names: names, terms: terms, store: caches.articles)
            return try QueryDeadline.run(db, within: limit, since: started) {
                try CorrectionFallback.answer(
                    request.question, parsed: typed, corrector: corrector, db: db, correctFirst: Self.isMessage(typedQuestion),
                    run: { text in
                        // The typed question was read and expanded above; only a corrected one is read again.
                        let (parsed, question) = text == request.question ? (typed, typedQuestion) : Self.read(text, expander: expander)
                        try QueryDeadline.check()
                        return try Self.answer(
                            parsed, question: question, request, ranker: ranker, expander: expander, filter: filter,
                            caches: caches, db: db)
                    },
                    tryCorrected: { _ in true },
                    prefers: { $0.answers.first?.confidence ?? 0 > $1.answers.first?.confidence ?? 0 })
            }
        }
        result.tookMicroseconds = Int((clock.now - start) / .microseconds(1))
        return result
    }

    /// Runs `body` on one of the reader connections, outside any transaction.
    ///
    /// GRDB's `read` wraps each read in `BEGIN`/`COMMIT`, two statements prepared anew each
    /// time, to see one snapshot while a writer works; an index file has no writer, and its
    /// connections hold their shared lock for good, so a request runs its statements as they are.
    func read<Value>(_ body: (Database) throws -> Value) throws -> Value {
        try pool.read(body)
    }

    /// A question's words, and the question expanded.
    private static func read(_ text: String, expander: QueryExpander) -> (ParsedQuery, ExpandedQuery) {
        let parsed = ParsedQuery(text)
        return (parsed, expander.expand(parsed))
    }

    private static func answer(
        _ parsed: ParsedQuery, question: ExpandedQuery, _ request: AskRequest, ranker: ArticleRanker, expander: QueryExpander,
        filter: SearchFilter, caches: IndexCaches, db: Database
    ) throws -> AskResult {
        let analysis = QuestionAnalysis(parsed)
        let topic = expander.expand(analysis.topicQuery)
        guard !topic.isEmpty else { return AskResult(answers: [], intent: analysis.intents.first?.rawValue, topic: analysis.topic) }
        try QueryDeadline.check()
        var result = try AnswerSearch(
            db: db, ranker: ranker, analysis: analysis, topic: topic, question: question, filter: filter, caches: caches
        ).run(request)
        result.dropped = topic.droppedWords
        return result
    }
}
