/// Counts of the whole result set by kind and by concern (`"facets":true`).
///
/// `{"kind":[{"value":"treatment","count":12}],"concern":[{"value":"acne scars","count":5}]}`,
/// each list by count, largest first, then by value.
public struct Facets: Sendable, Hashable, Codable {
    /// One value of a facet and how many results have it.
    public struct Count: Sendable, Hashable, Codable {
        public var value: String
        public var count: Int

        public init(value: String, count: Int) {
            self.value = value
            self.count = count
        }
    }

    public var kind: [Count]
    public var concern: [Count]

    public init(kind: [Count], concern: [Count]) {
        self.kind = kind
        self.concern = concern
    }
}
