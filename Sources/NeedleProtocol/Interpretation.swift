/// How the daemon read one term of a query: the concept it names and where that is defined.
///
/// `{"term":"dark spots","concept":"Hyperpigmentation","via":"synonyms.txt:12","ambiguous":false}`
public struct Interpretation: Sendable, Hashable, Decodable {
    /// The user's words, folded.
    public var term: String
    /// The concept's name: an article title or a synonym line's lead term.
    public var concept: String
    /// Where the concept is defined: `articles/<slug>.md` or `synonyms.txt:<line>`.
    public var via: String
    /// True when the term names concepts of different names (all of them are searched).
    public var ambiguous: Bool

    public init(term: String, concept: String, via: String, ambiguous: Bool) {
        self.term = term
        self.concept = concept
        self.via = via
        self.ambiguous = ambiguous
    }

    enum CodingKeys: String, CodingKey {
        case term, concept, via, ambiguous
    }
}

extension Interpretation: JSONObject {
    static let jsonFields: JSONFields<Interpretation> = [
        JSONField(.term, \.term),
        JSONField(.concept, \.concept),
        JSONField(.via, \.via),
        JSONField(.ambiguous, \.ambiguous),
    ]
}
