/// What an article is about; the `kind` front matter key.
public enum ArticleKind: String, Sendable, Hashable, CaseIterable, Codable {
    case treatment
    case concern
    case ingredient
    case procedureCare = "procedure-care"
    case guide
}
