/// The best suggestions seen so far, one per article with its best name, kept sorted by
/// rank and cut to a limit.
///
/// ```swift
/// var picks = ArticlePicks(limit: 2)
/// picks.offer(aliasRank, name: 4, article: 0)
/// picks.offer(titleRank, name: 3, article: 0)   // replaces the alias: same article, better
/// picks.names                                    // [3]
/// ```
struct ArticlePicks {
    let limit: Int
    private var picks: [(rank: SuggestionRank, name: Int, article: Int)] = []

    init(limit: Int) { self.limit = limit }

    var count: Int { picks.count }
    /// The chosen names, best first.
    var names: [Int] { picks.map(\.name) }

    /// `article` is only read when the list is not already full of better picks, which is
    /// where most names of a long range of matches stop.
    mutating func offer(_ rank: SuggestionRank, name: Int, article: @autoclosure () -> Int) {
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
