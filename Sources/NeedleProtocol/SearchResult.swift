/// The answer to a `search` request (without `id` and `ok`).
public struct SearchResult: Sendable, Hashable, Decodable {
    /// Time spent answering, in microseconds.
    public var tookMicroseconds: Int
    /// How many articles match in all (not only the returned page).
    public var total: Int
    public var hits: [SearchHit]
    /// Every term and phrase the query was run with: the user's own and their synonyms.
    public var expanded: [String]
    /// How each term that names a concept was read.
    public var interpretedAs: [Interpretation]
    /// Words of a long query that were read but not searched; `nil` (absent) when every word was.
    public var dropped: [String]?
    /// A corrected query, when the daemon has one; `null` otherwise.
    public var didYouMean: String?
    /// True when the hits are those of `did_you_mean`, because the query as typed found little.
    public var corrected: Bool
    /// Counts by kind and concern, when asked for.
    public var facets: Facets?
    /// The expression run and how scores combine, when asked for.
    public var explain: QueryExplanation?

    public init(
        tookMicroseconds: Int = 0, total: Int, hits: [SearchHit], expanded: [String], interpretedAs: [Interpretation] = [], dropped: [String]? = nil,
        didYouMean: String? = nil, corrected: Bool = false, facets: Facets? = nil, explain: QueryExplanation? = nil
    ) {
        self.tookMicroseconds = tookMicroseconds
        self.total = total
        self.hits = hits
        self.expanded = expanded
        self.interpretedAs = interpretedAs
        self.dropped = dropped
        self.didYouMean = didYouMean
        self.corrected = corrected
        self.facets = facets
        self.explain = explain
    }

    enum CodingKeys: String, CodingKey {
        case tookMicroseconds = "took_us"
        case total, hits, expanded, corrected, facets, explain
        case dropped
        case interpretedAs = "interpreted_as"
        case didYouMean = "did_you_mean"
    }
}

extension SearchResult: JSONObject {
    static let jsonFields: JSONFields<SearchResult> = [
        JSONField(.tookMicroseconds, \.tookMicroseconds),
        JSONField(.total, \.total),
        JSONField(.hits, \.hits),
        JSONField(.expanded, \.expanded),
        JSONField(.interpretedAs, \.interpretedAs),
        JSONField(.dropped, omittedWhenNil: \.dropped),
        JSONField(.didYouMean, \.didYouMean),
        JSONField(.corrected, \.corrected),
        JSONField(.facets, omittedWhenNil: \.facets),
        JSONField(.explain, omittedWhenNil: \.explain),
    ]
}

/// One ranked article of a search result.
public struct SearchHit: Sendable, Hashable, Decodable {
    public var slug: String
    public var title: String
    public var kind: String
    /// Higher is better; comparable only within one result.
    public var score: Double
    /// The heading of the best-matching section; `null` when it is the introduction.
    public var section: String?
    /// Text around the matched terms, each match wrapped in `[` and `]`.
    public var snippet: String
    /// The score's parts, when asked for.
    public var explain: ScoreExplanation?

    public init(
        slug: String, title: String, kind: String, score: Double, section: String?, snippet: String,
        explain: ScoreExplanation? = nil
    ) {
        self.slug = slug
        self.title = title
        self.kind = kind
        self.score = score
        self.section = section
        self.snippet = snippet
        self.explain = explain
    }

    enum CodingKeys: String, CodingKey {
        case slug, title, kind, score, section, snippet, explain
    }
}

extension SearchHit: JSONObject {
    static let jsonFields: JSONFields<SearchHit> = [
        JSONField(.slug, \.slug),
        JSONField(.title, \.title),
        JSONField(.kind, \.kind),
        JSONField(.score, \.score),
        JSONField(.section, \.section),
        JSONField(.snippet, \.snippet),
        JSONField(.explain, omittedWhenNil: \.explain),
    ]
}
