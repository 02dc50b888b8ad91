/// Every article's title and aliases by match key: the evidence that a query *names* an article.
///
/// bm25 alone prefers short rows, so "psoriasis" would rank "Pustular psoriasis" (a short
/// article whose title contains the word) above "Psoriasis" itself. An article whose
/// full name is one of the query's phrases is what the user asked for; this index finds
/// those articles and says how much of the query their name covers.
///
/// ```swift
/// let evidence = names.evidence(for: expandedQuery, weights: weights)
/// evidence[psoriasisID]?.share  // 1.0 for the query "What is psoriasis?"
/// ```
struct ArticleNameIndex: Sendable {
    /// One name of one article.
    struct Name: Sendable {
        var article: Int64
        var isTitle: Bool
        var text: String
    }

    /// How strongly a query names one article.
    struct Evidence: Sendable, Hashable {
        /// The weighted share of the query's words that the article's names cover (0…1).
        var share: Double
        /// The name that contributed most.
        var name: String
        /// 1 when that name is the user's own words, lower when reached through a synonym.
        var synonymWeight: Double
    }

    /// The names under one key: the first inline (most keys have one), the rest in `overflow`.
    private struct Entry {
        var first: Name
        /// Index into `overflow` of the further names, or -1.
        var more: Int32 = -1
    }

    private var entries: [String: Entry] = [:]
    private var overflow: [[Name]] = []

    init() {}

    mutating func add(article: Int64, name: String, isTitle: Bool) {
        let key = TextNormalizer.matchKey(TextNormalizer.tokens(name))
        guard !key.isEmpty else { return }
        let added = Name(article: article, isTitle: isTitle, text: name)
        guard var entry = entries[key] else {
            entries[key] = Entry(first: added)
            return
        }
        if entry.more < 0 {
            entry.more = Int32(overflow.count)
            overflow.append([])
            entries[key] = entry
        }
        overflow[Int(entry.more)].append(added)
    }

    /// The names whose key is `key`, in the order they were added.
    private func names(_ key: String) -> [Name] {
        guard let entry = entries[key] else { return [] }
        return entry.more < 0 ? [entry.first] : [entry.first] + overflow[Int(entry.more)]
    }

    /// For each article named by a phrase of `query`: its evidence.
    ///
    /// Each group counts by its length in words. A group credits an article when one of
    /// its phrases is the article's whole title (1) or alias (``RankingWeights/aliasName``),
    /// times ``RankingWeights/synonymName`` when the phrase is an expansion, not the user's words.
    func evidence(for query: ExpandedQuery, weights: RankingWeights) -> [Int64: Evidence] {
        let total = query.groups.reduce(0) { $0 + $1.original.count }
        guard total > 0 else { return [:] }
        var evidence: [Int64: Evidence] = [:]
        var strongest: [Int64: Double] = [:]
        for group in query.groups where group.readAsName {
            var credits: [Int64: (credit: Double, name: String, synonym: Double)] = [:]
            for (index, alternative) in group.alternatives.enumerated() {
                let synonym = index == 0 ? 1 : weights.synonymName
                for name in names(TextNormalizer.matchKey(alternative)) {
                    let credit = synonym * (name.isTitle ? 1 : weights.aliasName)
                    if credit > credits[name.article]?.credit ?? 0 { credits[name.article] = (credit, name.text, synonym) }
                }
            }
            let share = Double(group.original.count) / Double(total)
            for (article, credit) in credits {
                let weighted = credit.credit * share
                var current = evidence[article] ?? Evidence(share: 0, name: credit.name, synonymWeight: credit.synonym)
                if weighted > strongest[article] ?? 0 {
                    strongest[article] = weighted
                    (current.name, current.synonymWeight) = (credit.name, credit.synonym)
                }
                current.share += weighted
                evidence[article] = current
            }
        }
        return evidence
    }
}
