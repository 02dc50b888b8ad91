import NeedleProtocol

/// An operation the benchmark sends, with the query file and `limit` it uses.
///
/// The query files are the ones `gen_corpus.py` writes next to a generated corpus:
/// `terms.txt` for search, `prefixes.txt` for suggest, `questions.txt` for ask.
public enum BenchOperation: String, Sendable, Hashable, Codable, CaseIterable {
    case search
    case suggest
    case ask

    /// The query file this operation reads, relative to the queries folder.
    public var queryFile: String {
        switch self {
        case .search: return "terms.txt"
        case .suggest: return "prefixes.txt"
        case .ask: return "questions.txt"
        }
    }

    /// The `limit` of every request, as in the protocol's examples.
    public var limit: Int {
        switch self {
        case .search: return 10
        case .suggest: return 8
        case .ask: return 3
        }
    }

    /// The protocol request this operation sends for `query`, with this operation's ``limit``.
    public func request(query: String) -> NeedleProtocol.Operation {
        switch self {
        case .search: return .search(SearchRequest(query: query, limit: limit))
        case .suggest: return .suggest(SuggestRequest(query: query, limit: limit))
        case .ask: return .ask(AskRequest(question: query, limit: limit))
        }
    }
}
