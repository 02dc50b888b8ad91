import NeedleIndex

/// The passages of a page of hits, from the hits' stored articles (``ArticleStore``): from
/// every passage's stored term ids ``PassageHighlighter`` chooses each hit's best, then
/// marks the chosen passage's text (or keeps the introduction, for a hit no passage matches).
///
/// ```swift
/// let passages = HitPassages.read(page.map(\.stored), highlighter: highlighter, tokenized: caches.passageTokens)
/// passages.highlights[0]     // the first hit's section and snippet, or nil
/// passages.introductions[0]  // its first passage's text when nothing matched, else nil
/// ```
struct HitPassages {
    /// Per hit: its best passage's highlight, or nil when none matches.
    var highlights: [PassageHighlighter.Highlight?]
    /// Per hit without a highlight: the text of its first passage.
    var introductions: [String?]

    /// `tokenized` keeps the chosen passages' texts cut into tokens, by passage id.
    static func read(
        _ articles: [StoredArticle], highlighter: PassageHighlighter, tokenized: BoundedCache<Int64, TokenizedText>
    ) -> HitPassages {
        var result = HitPassages(highlights: [], introductions: [])
        result.highlights.reserveCapacity(articles.count)
        result.introductions.reserveCapacity(articles.count)
        for article in articles {
            let choice = highlighter.bestPassage(of: article)
            // The chosen passage, or for a hit none matches, the first of its id range (none
            // when that row is missing).
            let offset = Int64(choice?.index ?? 0)
            let chosen = article.position(of: article.passageIDs.lowerBound + offset)
            let passage = chosen.map { article.passages[$0] }
            result.highlights.append(choice.map { choice in
                let text = passage.map { passage in tokenized.value(for: passage.id) { _ in TokenizedText(passage.text) } }
                return highlighter.highlight(choice, heading: passage?.heading, text: text ?? TokenizedText(""))
            })
            result.introductions.append(choice == nil ? passage?.text ?? "" : nil)
        }
        return result
    }
}
