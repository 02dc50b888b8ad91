/// One article of the corpus, parsed and with Markdown syntax removed.
public struct Article: Sendable, Hashable {
    /// File name without `.md`; `[a-z0-9-]+`.
    public var slug: String
    /// The path the article was read from, as the user named it.
    public var path: String
    public var title: String
    public var kind: ArticleKind
    /// Other names of the subject (abbreviations, brand-style names, lay names).
    public var aliases: [String]
    /// Lay-worded problems the article addresses or is.
    public var concerns: [String]
    public var summary: String?
    /// The body split at `##` and `###` headings, in reading order; never empty.
    public var passages: [Passage]
    /// 1-based line of each name in `[title] + aliases`, for diagnostics about names.
    public var nameLines: [Int]
    /// A digest of the file's bytes, used to tell whether the article changed.
    public var digest: UInt64

    public init(
        slug: String, path: String, title: String, kind: ArticleKind, aliases: [String] = [],
        concerns: [String] = [], summary: String? = nil, passages: [Passage],
        nameLines: [Int] = [], digest: UInt64 = 0
    ) {
        self.slug = slug
        self.path = path
        self.title = title
        self.kind = kind
        self.aliases = aliases
        self.concerns = concerns
        self.summary = summary
        self.passages = passages
        self.nameLines = nameLines
        self.digest = digest
    }

    /// The title followed by the aliases: every name of the article's subject.
    public var names: [String] { [title] + aliases }

    /// The headings of all sections, in order.
    public var headings: [String] { passages.compactMap(\.heading) }

    /// The plain text of the whole body.
    public var bodyText: String { passages.map(\.text).joined(separator: "\n") }
}

/// A section of an article: the text under one `##` or `###` heading, or the
/// introduction before the first heading. `ask` answers with passages.
public struct Passage: Sendable, Hashable {
    /// The heading text without `#` marks; `nil` for the introduction.
    public var heading: String?
    /// The enclosing `##` heading of a `###` section (for example `FAQ`).
    public var parent: String?
    /// 2 for `##`, 3 for `###`, 0 for the introduction.
    public var level: Int
    /// Plain text: paragraphs separated by newlines, Markdown syntax removed.
    public var text: String
    /// 1-based line of the heading (or of the first body line for the introduction).
    public var line: Int

    public init(heading: String?, parent: String? = nil, level: Int, text: String, line: Int) {
        self.heading = heading
        self.parent = parent
        self.level = level
        self.text = text
        self.line = line
    }
}
