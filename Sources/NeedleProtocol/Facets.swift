/// Counts of the whole result set by kind and by concern (`"facets":true`).
///
/// `{"kind":[{"value":"treatment","count":12}],"concern":[{"value":"acne scars","count":5}]}`,
/// each list by count, largest first, then by value.
public struct Facets: Sendable, Hashable, Decodable {
    /// One value of a facet and how many results have it.
    public struct Count: Sendable, Hashable, Decodable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }

        enum CodingKeys: String, CodingKey {
            case value, count
        }
    }

    public var kind: [Count]
    public var concern: [Count]

    public init(kind: [Count], concern: [Count]) {
        self.kind = kind
        self.concern = concern
    }

    enum CodingKeys: String, CodingKey {
        case kind, concern
    }
}

extension Facets: JSONObject {
    static let jsonFields: JSONFields<Facets> = [
        JSONField(.kind, \.kind),
        JSONField(.concern, \.concern),
    ]
}

extension Facets.Count: JSONObject {
    static let jsonFields: JSONFields<Facets.Count> = [
        JSONField(.value, \.value),
        JSONField(.count, \.count),
    ]
}
