/// Why a query ranked as it did (`"explain":true`), for people tuning ranking.
public struct QueryExplanation: Sendable, Hashable, Decodable {
    /// The FTS5 `MATCH` expression that was run.
    public var match: String
    /// How the parts below combine into `score`, in words.
    public var formula: String

    public init(match: String, formula: String) {
        self.match = match
        self.formula = formula
    }

    enum CodingKeys: String, CodingKey {
        case match, formula
    }
}

extension QueryExplanation: JSONObject {
    static let jsonFields: JSONFields<QueryExplanation> = [
        JSONField(.match, \.match),
        JSONField(.formula, \.formula),
    ]
}

/// The parts of one hit's or answer's score (`"explain":true`).
public struct ScoreExplanation: Sendable, Hashable, Decodable {
    /// FTS5 bm25 of the article (sign flipped: higher is better).
    public var bm25: Double
    /// bm25 divided by the best bm25 among the candidates (0…1).
    public var bm25Normalized: Double
    /// bm25 of each field alone, with its weight: title, aliases, concerns, headings, body.
    public var fields: [String: Double]
    /// The share of the query named by one of the article's names (0…1).
    public var nameMatch: Double
    /// The article name that matched, when one did.
    public var matchedName: String?
    /// 1 when the name is the user's own words, lower when it was reached through a synonym.
    public var synonymWeight: Double
    /// How well the section heading fits the query or question (0…1).
    public var headingMatch: Double
    /// For `ask`: the passage's own bm25 relative to the best passage (0…1).
    public var passageMatch: Double?

    public init(
        bm25: Double, bm25Normalized: Double, fields: [String: Double], nameMatch: Double, matchedName: String?,
        synonymWeight: Double, headingMatch: Double, passageMatch: Double? = nil
    ) {
        self.bm25 = bm25
        self.bm25Normalized = bm25Normalized
        self.fields = fields
        self.nameMatch = nameMatch
        self.matchedName = matchedName
        self.synonymWeight = synonymWeight
        self.headingMatch = headingMatch
        self.passageMatch = passageMatch
    }

    enum CodingKeys: String, CodingKey {
        case bm25, fields
        case bm25Normalized = "bm25_normalized"
        case nameMatch = "name_match"
        case matchedName = "matched_name"
        case synonymWeight = "synonym_weight"
        case headingMatch = "heading_match"
        case passageMatch = "passage_match"
    }
}

extension ScoreExplanation: JSONObject {
    static let jsonFields: JSONFields<ScoreExplanation> = [
        JSONField(.bm25, \.bm25),
        JSONField(.bm25Normalized, \.bm25Normalized),
        JSONField(.fields, \.fields),
        JSONField(.nameMatch, \.nameMatch),
        JSONField(.matchedName, omittedWhenNil: \.matchedName),
        JSONField(.synonymWeight, \.synonymWeight),
        JSONField(.headingMatch, \.headingMatch),
        JSONField(.passageMatch, omittedWhenNil: \.passageMatch),
    ]
}
