import NeedleIndex

/// The passages of a page of hits, from the hits' stored articles (``ArticleStore``): from
/// every passage's stored term ids ``PassageHighlighter`` chooses each hit's best, then
/// marks the chosen passage's text (or keeps the introduction, for a hit no passage matches).
///
/// ```swift
/// let passages = HitPassages.read(page.map(\.stored), highlighter: highlighter)
/// passages.highlights[0]     // the first hit's section and snippet, or nil
/// passages.introductions[0]  // its first passage's text when nothing matched, else nil
/// ```
struct HitPassages {
    /// Per hit: its best passage's highlight, or nil when none matches.
    var highlights: [PassageHighlighter.Highlight?]
    /// Per hit without a highlight: the text of its first passage.
    var introductions: [String?]

    static func read(_ articles: [StoredArticle], highlighter: PassageHighlighter) -> HitPassages {
        var result = HitPassages(highlights: [], introductions: [])
        result.highlights.reserveCapacity(articles.count)
        result.introductions.reserveCapacity(articles.count)
        for article in articles {
            // One candidate per id of the range, as passages are numbered: a missing row or
            // one without stored terms is a candidate that matches nothing.
            let positions = article.passageIDs.map { article.position(of: $0) }
            // Passages that hold no query term are not looked at.
            let bits = article.passageBits(holdingAny: highlighter.termIDs)
            let choice = highlighter.bestPassage(stored: positions.map { position in
                guard let position, StoredArticle.mayHold(position, bits), let heading = article.passages[position].headingTokens
                else { return .init(headingTokens: 0, ids: []) }
                return .init(headingTokens: heading, ids: article.terms(at: position))
            })
            let chosen = positions[choice?.index ?? 0]
            let (heading, text) = chosen.map { (article.passages[$0].heading, article.passages[$0].text) } ?? (nil, "")
            result.highlights.append(choice.map { highlighter.highlight($0, heading: heading, text: text) })
            result.introductions.append(choice == nil ? text : nil)
        }
        return result
    }
}
