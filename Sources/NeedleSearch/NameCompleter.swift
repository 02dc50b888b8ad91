import GRDB
import NeedleProtocol

/// Completes what a user is typing to article names (titles, aliases, concerns), fast
/// enough for every keystroke.
///
/// Every name is folded like a query (lowercase, no accents, words joined by one space)
/// and listed once per word it has, as the text from that word on. The list is sorted,
/// so the names that continue a typed prefix are one contiguous range found by binary
/// search: the prefix's last word may be partial, the words before it must be whole
/// ("skin need" continues "skin needling"). Nothing touches the database after open.
///
/// Ranking, best first: the whole title or alias typed; a title, an alias, a concern that
/// starts with the prefix; a later word of a name that starts with it; then the same
/// kinds of match for a prefix with one typo (4+ characters, first letter kept; only to
/// fill up the list, see `NameCompleter+Typos.swift`). Ties go to the shorter name, then
/// to the title in alphabetical order. An article is suggested once, for its best name.
///
/// ```swift
/// completer.suggestions(for: "skin need", limit: 8).first
/// // Suggestion(text: "Microneedling", slug: "microneedling", kind: "treatment", matched: "Skin needling")
/// ```
struct NameCompleter: Sendable {
    /// One title, alias or concern of one article.
    struct Name: Sendable {
        enum Role: String { case title, alias, concern }

        let text: String
        let key: [UInt8]
        let article: Int
        let role: Role
    }

    /// A name seen from one of its words on.
    struct Entry: Sendable {
        let name: Int32
        /// Where the word starts in the name's key.
        let offset: Int32
        /// The first bytes of the text, which settle most comparisons when sorting.
        let head: UInt64
        /// The rank of a prefix match here, before an exact match raises it.
        let rank: SuggestionRank
    }

    /// Prefixes shorter than this are never matched with a typo.
    static let minimumTypoLength = 4

    private let articles: [Suggestion]
    let names: [Name]
    /// Sorted by their text, ``key(of:)``.
    let entries: [Entry]
    /// The best names of the prefixes that begin many entries, ranked once.
    private(set) var popular = PopularPrefixes.none

    /// - Parameters:
    ///   - articles: every article as a suggestion shows it (`matched` is replaced).
    ///   - names: each name's text, the position of its article in `articles`, and its role.
    init(articles: [Suggestion], names rawNames: [(text: String, article: Int, role: Name.Role)]) {
        let titleOrder = Self.titleOrder(of: articles)
        let names = Self.names(rawNames)
        var entries: [Entry] = []
        for (index, name) in names.enumerated() {
            for offset in Self.wordStarts(in: name.key) {
                let tier: SuggestionRank.Tier = switch (offset, name.role) {
                case (0, .title): .titlePrefix
                case (0, .alias): .aliasPrefix
                case (0, .concern): .concernPrefix
                default: .wordInside
                }
                let rank = SuggestionRank(tier, nameLength: name.key.count, titleOrder: titleOrder[name.article])
                entries.append(Entry(name: Int32(index), offset: Int32(offset), head: Self.head(of: name.key[offset...]), rank: rank))
            }
        }
        entries.sort { left, right in
            guard left.head == right.head else { return left.head < right.head }
            return names[Int(left.name)].key[Int(left.offset)...].lexicographicallyPrecedes(names[Int(right.name)].key[Int(right.offset)...])
        }
        self.articles = articles
        self.names = names
        self.entries = entries
        self.popular = PopularPrefixes(self)
    }

    /// The names with their keys; a text many articles share (a concern, usually) is folded
    /// once and its text and key are stored once.
    private static func names(_ rawNames: [(text: String, article: Int, role: Name.Role)]) -> [Name] {
        var folded: [String: (text: String, key: [UInt8])] = [:]
        return rawNames.map { name in
            let shared = folded[name.text] ?? (name.text, key(name.text))
            if folded[name.text] == nil { folded[name.text] = shared }
            return Name(text: shared.text, key: shared.key, article: name.article, role: name.role)
        }
    }

    /// The first 8 bytes of a text, big-endian, zero-padded: comparing two heads orders two
    /// texts as their bytes do, unless the heads are equal (keys never hold a zero byte).
    private static func head(of text: ArraySlice<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for position in 0..<8 {
            let byte = position < text.count ? text[text.startIndex + position] : 0
            head = head << 8 | UInt64(byte)
        }
        return head
    }

    /// Reads every article and name of an index.
    static func load(_ db: Database) throws -> NameCompleter {
        var articles: [Suggestion] = []
        var positions: [Int64: Int] = [:]
        let articleRows = try Row.fetchCursor(db, sql: "SELECT id, slug, title, kind FROM articles ORDER BY id")
        while let row = try articleRows.next() {
            positions[row["id"]] = articles.count
            articles.append(Suggestion(text: row["title"], slug: row["slug"], kind: row["kind"], matched: row["title"]))
        }
        var names: [(text: String, article: Int, role: Name.Role)] = []
        let nameRows = try Row.fetchCursor(db, sql: "SELECT article_id, role, name FROM names ORDER BY rowid")
        while let row = try nameRows.next() {
            guard let article = positions[row["article_id"]], let role = Name.Role(rawValue: row["role"]) else { continue }
            names.append((row["name"], article, role))
        }
        return NameCompleter(articles: articles, names: names)
    }

    /// The best `limit` articles for what the user typed so far, one per article.
    func suggestions(for query: String, limit: Int) -> [Suggestion] {
        let prefix = Self.key(query)
        guard !prefix.isEmpty, limit > 0 else { return [] }
        if let best = popular.names(for: prefix, limit: limit) { return best.map { suggestion(Int($0)) } }
        var picks = ArticlePicks(limit: limit)
        offer(range(startingWith: prefix[...], within: entries.indices), typed: prefix, to: &picks)
        if picks.count < limit, prefix.count >= Self.minimumTypoLength {
            for range in typoRanges(of: prefix) {
                for index in range { offer(index, rank: entries[index].rank.asTypo(), to: &picks) }
            }
        }
        return picks.names.map(suggestion)
    }

    /// The best `limit` names among the entries of `range`, which all start with `prefix`.
    func bestNames(in range: Range<Int>, typed prefix: [UInt8], limit: Int) -> [Int] {
        var picks = ArticlePicks(limit: limit)
        offer(range, typed: prefix, to: &picks)
        return picks.names
    }

    /// The article of name `index` as a suggestion matched by that name.
    private func suggestion(_ index: Int) -> Suggestion {
        var suggestion = articles[names[index].article]
        suggestion.matched = names[index].text
        return suggestion
    }

    private func offer(_ range: Range<Int>, typed prefix: [UInt8], to picks: inout ArticlePicks) {
        for index in range { offer(index, rank: rank(of: entries[index], typed: prefix), to: &picks) }
    }

    private func offer(_ index: Int, rank: SuggestionRank, to picks: inout ArticlePicks) {
        let name = Int(entries[index].name)
        picks.offer(rank, name: name, article: names[name].article)
    }

    /// An entry's rank, raised to an exact tier when the prefix is a whole title or alias.
    private func rank(of entry: Entry, typed prefix: [UInt8]) -> SuggestionRank {
        guard entry.offset == 0, entry.rank.nameLength == prefix.count else { return entry.rank }
        switch entry.rank.tier {
        case .titlePrefix: return entry.rank.with(.exactTitle)
        case .aliasPrefix: return entry.rank.with(.exactAlias)
        default: return entry.rank
        }
    }

    /// The entries of `bounds` whose text starts with `prefix` (`bounds` must hold them all).
    ///
    /// A prefix of up to 8 bytes is found by comparing integers: an entry's ``Entry/head``
    /// cut to the prefix's length orders entries as their texts do, and equals the packed
    /// prefix exactly when the text starts with it (no text holds a zero byte, so no text
    /// starts with a prefix that does). Longer
    /// prefixes narrow the range by their first 8 bytes, then compare the texts.
    func range(startingWith prefix: ArraySlice<UInt8>, within bounds: Range<Int>) -> Range<Int> {
        guard !prefix.isEmpty else { return bounds }
        guard !prefix.contains(0) else { return bounds.lowerBound..<bounds.lowerBound }
        let length = min(prefix.count, 8)
        let packed = Self.head(of: prefix.prefix(length))
        let mask = UInt64.max << UInt64(8 * (8 - length))
        let start = firstEntry(in: bounds) { $0.head & mask >= packed }
        let end = firstEntry(in: start..<bounds.upperBound) { $0.head & mask > packed }
        guard prefix.count > 8 else { return start..<end }
        let longStart = firstEntry(in: start..<end) { !key(of: $0).lexicographicallyPrecedes(prefix) }
        return longStart..<firstEntry(in: longStart..<end) { !key(of: $0).starts(with: prefix) }
    }

    /// The first entry of `bounds` for which `isPast` holds; it must hold for all after it.
    func firstEntry(in bounds: Range<Int>, where isPast: (Entry) -> Bool) -> Int {
        var low = bounds.lowerBound
        var high = bounds.upperBound
        while low < high {
            let middle = (low + high) / 2
            if isPast(entries[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The text of an entry: its name's key from the entry's word on.
    func key(of entry: Entry) -> ArraySlice<UInt8> {
        names[Int(entry.name)].key[Int(entry.offset)...]
    }

    /// Text folded as names are: lowercase, no accents, words joined by one space.
    private static func key(_ text: String) -> [UInt8] {
        Array(TextNormalizer.tokens(text).joined(separator: " ").utf8)
    }

    /// Where each word of a key starts.
    private static func wordStarts(in key: [UInt8]) -> [Int] {
        guard !key.isEmpty else { return [] }
        return [0] + key.indices.filter { key[$0] == UInt8(ascii: " ") }.map { $0 + 1 }
    }

    /// Each article's position when titles are sorted alphabetically (folded, then by slug).
    private static func titleOrder(of articles: [Suggestion]) -> [Int] {
        let titles = articles.map { TextNormalizer.tokens($0.text).joined(separator: " ") }
        let sorted = articles.indices.sorted { (titles[$0], articles[$0].slug) < (titles[$1], articles[$1].slug) }
        var order = [Int](repeating: 0, count: articles.count)
        for (position, article) in sorted.enumerated() { order[article] = position }
        return order
    }
}
