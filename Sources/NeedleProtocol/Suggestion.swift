/// One article suggested for a typed prefix.
///
/// ```json
/// {"text":"Microneedling","slug":"microneedling","kind":"treatment","matched":"PCI"}
/// ```
public struct Suggestion: Sendable, Hashable, Decodable {
    /// The article's title, what a search box shows.
    public var text: String
    public var slug: String
    public var kind: String
    /// The title, alias or concern the prefix matched, as the article writes it (e.g. "PCI").
    public var matched: String

    public init(text: String, slug: String, kind: String, matched: String) {
        self.text = text
        self.slug = slug
        self.kind = kind
        self.matched = matched
    }

    enum CodingKeys: String, CodingKey {
        case text, slug, kind, matched
    }
}

extension Suggestion: JSONObject {
    static let jsonFields: JSONFields<Suggestion> = [
        JSONField(.text, \.text),
        JSONField(.slug, \.slug),
        JSONField(.kind, \.kind),
        JSONField(.matched, \.matched),
    ]
}
