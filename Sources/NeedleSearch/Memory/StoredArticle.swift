import NeedleIndex

/// One article as a request needs it, read once and kept by ``ArticleStore``: its `articles`
/// row, and each passage's heading, text and stored term ids (`passage_terms`).
final class StoredArticle: Sendable {
    /// One passage of the article.
    struct Passage: Sendable {
        var id: Int64
        var heading: String?
        var text: String
        /// How many of its term ids are its heading's; nil when it has no stored terms.
        var headingTokens: Int?
        /// Its slice of the article's ``StoredArticle/terms``.
        var terms: Range<Int>
    }

    let id: Int64
    let slug: String
    let title: String
    let kind: String
    let summary: String?
    /// The ids of its passages, `first_passage...last_passage`.
    let passageIDs: ClosedRange<Int64>
    /// Its passages in order (those of the range present in `passages`).
    let passages: [Passage]
    /// The stored term ids of every passage, one after another.
    let terms: [UInt32]

    init(
        id: Int64, slug: String, title: String, kind: String, summary: String?, passageIDs: ClosedRange<Int64>,
        passages: [Passage], terms: [UInt32]
    ) {
        self.id = id
        self.slug = slug
        self.title = title
        self.kind = kind
        self.summary = summary
        self.passageIDs = passageIDs
        self.passages = passages
        self.terms = Self.exact(terms)
    }

    /// `array` in a buffer of its own size: arrays grown by appending hold up to twice their
    /// elements' room, which a store of many kept articles would pay for.
    private static func exact<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity > array.count else { return array }
        return [Element](unsafeUninitializedCapacity: array.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: array)
        }
    }

    /// The position in ``passages`` of the passage with row id `id`, when the article has it.
    func position(of id: Int64) -> Int? {
        guard passageIDs.contains(id) else { return nil }
        // Passages are numbered without gaps within an article; search only when one is missing.
        let offset = Int(id - passageIDs.lowerBound)
        if offset < passages.count, passages[offset].id == id { return offset }
        return passages.firstIndex { $0.id == id }
    }

    /// The stored term ids of the passage at `position` (none when it has none stored).
    func terms(at position: Int) -> ArraySlice<UInt32> {
        terms[passages[position].terms]
    }

    /// About how many bytes of memory it holds, allocations' overhead included, for
    /// ``ArticleStore``'s bound.
    var bytes: Int {
        let fixed = 512 + slug.utf8.count + title.utf8.count + (summary?.utf8.count ?? 0)
        return passages.reduce(fixed + 4 * terms.capacity) { total, passage in
            total + 160 + passage.text.utf8.count + 2 * (passage.heading?.utf8.count ?? 0)
        }
    }
}
