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
/// starts with the prefix; a later word of a name that starts with it; a name within one
/// edit of the prefix (prefixes of 4+ characters, first letter kept, only to fill up the
/// list). Ties go to the shorter name, then to the title in alphabetical order. An
/// article is suggested once, for its best name.
///
/// ```swift
/// completer.suggestions(for: "skin need", limit: 8).first
/// // Suggestion(text: "Microneedling", slug: "microneedling", kind: "treatment", matched: "Skin needling")
/// ```
struct NameCompleter: Sendable {
    /// One title, alias or concern of one article.
    private struct Name: Sendable {
        enum Role: String { case title, alias, concern }

        let text: String
        let key: [UInt8]
        let article: Int
        let role: Role
    }

    /// A name seen from one of its words on.
    private struct Entry: Sendable {
        let name: Int32
        /// Where the word starts in the name's key.
        let offset: Int32
        /// The rank of a prefix match here (see ``Rank``), without the exact-name bonus.
        let rank: Rank
    }

    /// How good a match is, lower is better: the kind of match, then the name's length,
    /// then the title's alphabetical position, packed so one comparison orders them.
    private struct Rank: Comparable, Sendable {
        enum Tier: UInt64 { case exactTitle, exactAlias, titlePrefix, aliasPrefix, concernPrefix, wordInside, fuzzy }

        let value: UInt64

        init(_ tier: Tier, nameLength: Int, titleOrder: Int) {
            value = tier.rawValue << 56 | UInt64(min(nameLength, 0xFF_FFFF)) << 32 | UInt64(titleOrder)
        }

        private init(value: UInt64) { self.value = value }

        var tier: Tier? { Tier(rawValue: value >> 56) }
        var nameLength: Int { Int(value >> 32 & 0xFF_FFFF) }

        /// The same name length and title, another tier.
        func with(_ tier: Tier) -> Rank { Rank(value: tier.rawValue << 56 | value & 0x00FF_FFFF_FFFF_FFFF) }

        static func < (left: Rank, right: Rank) -> Bool { left.value < right.value }
    }

    private let articles: [Suggestion]
    private let names: [Name]
    private let entries: [Entry]
    /// The ASCII characters of all keys: what a one-edit variant of a prefix may insert or substitute.
    private let alphabet: [UInt8]

    /// Prefixes shorter than this are never matched with a typo.
    static let minimumFuzzyLength = 4

    /// - Parameters:
    ///   - articles: every article as a suggestion shows it (`matched` is ignored).
    ///   - names: each name's text, the index of its article in `articles`, and its role.
    private init(articles: [Suggestion], names rawNames: [(text: String, article: Int, role: Name.Role)]) {
        let titleOrder = Self.titleOrder(of: articles)
        names = rawNames.map { name in
            Name(text: name.text, key: Array(TextNormalizer.tokens(name.text).joined(separator: " ").utf8), article: name.article, role: name.role)
        }
        var entries: [Entry] = []
        for (index, name) in names.enumerated() {
            let order = titleOrder[name.article]
            for offset in Self.wordStarts(in: name.key) {
                let tier: Rank.Tier = offset > 0 ? .wordInside : name.role == .title ? .titlePrefix : name.role == .alias ? .aliasPrefix : .concernPrefix
                entries.append(Entry(name: Int32(index), offset: Int32(offset), rank: Rank(tier, nameLength: name.key.count, titleOrder: order)))
            }
        }
        let names = self.names
        entries.sort { names[Int($0.name)].key[Int($0.offset)...].lexicographicallyPrecedes(names[Int($1.name)].key[Int($1.offset)...]) }
        self.entries = entries
        self.articles = articles
        alphabet = Array(Set(names.lazy.flatMap(\.key).filter { $0 < 0x80 })).sorted()
    }

    /// Reads every article and name of an index.
    static func load(_ db: Database) throws -> NameCompleter {
        var articles: [Suggestion] = []
        var positions: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, slug, title, kind FROM articles ORDER BY id") {
            positions[row["id"]] = articles.count
            articles.append(Suggestion(text: row["title"], slug: row["slug"], kind: row["kind"], matched: row["title"]))
        }
        var names: [(text: String, article: Int, role: Name.Role)] = []
        for row in try Row.fetchAll(db, sql: "SELECT article_id, role, name FROM names ORDER BY rowid") {
            guard let article = positions[row["article_id"]], let role = Name.Role(rawValue: row["role"]) else { continue }
            names.append((row["name"], article, role))
        }
        return NameCompleter(articles: articles, names: names)
    }

    /// The best `limit` articles for what the user typed so far, one per article.
    func suggestions(for query: String, limit: Int) -> [Suggestion] {
        let prefix = Array(TextNormalizer.tokens(query).joined(separator: " ").utf8)
        guard !prefix.isEmpty, limit > 0 else { return [] }
        var picks = ArticlePicks(limit: limit)
        for index in entryRange(startingWith: prefix) {
            offer(entries[index], rank: rank(of: entries[index], typed: prefix), to: &picks)
        }
        if picks.count < limit, prefix.count >= Self.minimumFuzzyLength {
            for variant in TypoVariants.of(prefix, alphabet: alphabet) {
                for index in entryRange(startingWith: variant) {
                    offer(entries[index], rank: entries[index].rank.with(.fuzzy), to: &picks)
                }
            }
        }
        return picks.names.map { index in
            var suggestion = articles[names[index].article]
            suggestion.matched = names[index].text
            return suggestion
        }
    }

    private func offer(_ entry: Entry, rank: Rank, to picks: inout ArticlePicks) {
        picks.offer(rank, name: Int(entry.name), article: names[Int(entry.name)].article)
    }

    /// An entry's rank, raised to an exact tier when the prefix is a whole title or alias.
    private func rank(of entry: Entry, typed prefix: [UInt8]) -> Rank {
        guard entry.offset == 0, entry.rank.nameLength == prefix.count else { return entry.rank }
        switch entry.rank.tier {
        case .titlePrefix: return entry.rank.with(.exactTitle)
        case .aliasPrefix: return entry.rank.with(.exactAlias)
        default: return entry.rank
        }
    }

    /// The entries whose text starts with `prefix`.
    private func entryRange(startingWith prefix: [UInt8]) -> Range<Int> {
        let start = firstEntry { !key(of: $0).lexicographicallyPrecedes(prefix) }
        let end = firstEntry(from: start) { !key(of: $0).starts(with: prefix) }
        return start..<end
    }

    /// The first entry from `start` on for which `isPast` holds, which must hold for all after it.
    private func firstEntry(from start: Int = 0, where isPast: (Entry) -> Bool) -> Int {
        var low = start
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(entries[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func key(of entry: Entry) -> ArraySlice<UInt8> {
        names[Int(entry.name)].key[Int(entry.offset)...]
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

    /// The best articles seen so far, each with its best name, kept sorted by rank.
    private struct ArticlePicks {
        let limit: Int
        private var picks: [(rank: Rank, name: Int, article: Int)] = []

        init(limit: Int) { self.limit = limit }

        var count: Int { picks.count }
        /// The chosen names, best first.
        var names: [Int] { picks.map(\.name) }

        /// `article` is read only when the list is not already full of better matches, which
        /// is where most entries of a long range stop.
        mutating func offer(_ rank: Rank, name: Int, article: @autoclosure () -> Int) {
            guard picks.count < limit || rank < picks[picks.count - 1].rank else { return }
            let article = article()
            if let existing = picks.firstIndex(where: { $0.article == article }) {
                guard rank < picks[existing].rank else { return }
                picks.remove(at: existing)
            }
            picks.insert((rank, name, article), at: picks.firstIndex { rank < $0.rank } ?? picks.count)
            if picks.count > limit { picks.removeLast() }
        }
    }
}
