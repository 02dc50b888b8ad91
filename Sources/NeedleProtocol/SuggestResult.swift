/// The answer to a `suggest` request (without `id` and `ok`).
///
/// ```json
/// {"took_us":9,"suggestions":[{"kind":"treatment","matched":"PCI","slug":"microneedling","text":"Microneedling"}]}
/// ```
public struct SuggestResult: Sendable, Hashable, Decodable {
    /// Time spent answering, in microseconds.
    public var tookMicroseconds: Int
    /// Best first, one per article.
    public var suggestions: [Suggestion]

    public init(tookMicroseconds: Int = 0, suggestions: [Suggestion]) {
        self.tookMicroseconds = tookMicroseconds
        self.suggestions = suggestions
    }

    enum CodingKeys: String, CodingKey {
        case tookMicroseconds = "took_us"
        case suggestions
    }
}

extension SuggestResult: JSONObject {
    static let jsonFields: JSONFields<SuggestResult> = [
        JSONField(.tookMicroseconds, \.tookMicroseconds),
        JSONField(.suggestions, \.suggestions),
    ]
}
