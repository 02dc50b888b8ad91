@testable import NeedleSearch
import Testing

@Suite struct PassageHighlighterTests {
    private func highlighter(_ query: String, names: [[String]] = []) -> PassageHighlighter {
        let articles = names.enumerated().map { ArticleNames(slug: "article-\($0.offset)", names: $0.element) }
        let dictionary = ConceptDictionary(articles: articles, synonyms: [])
        return PassageHighlighter(query: QueryExpander(dictionary: dictionary).expand(ParsedQuery(query)), snippetTokens: 8)
    }

    private let passages = [
        PassageHighlighter.Candidate(heading: nil, text: "Microneedling uses fine needles."),
        PassageHighlighter.Candidate(heading: "Aftercare", text: "The skin is red like a sunburn for two days."),
        PassageHighlighter.Candidate(heading: "Scars", text: "It can soften acne scars and scarring over months of sessions and patience."),
    ]

    @Test func picksThePassageThatMatchesAndNamesItsSection() {
        let best = highlighter("sunburn").bestPassage(among: passages)
        #expect(best?.index == 1)
        #expect(best?.heading == "Aftercare")
        #expect(best?.snippet == "…is red like a [sunburn] for two days.")
    }

    @Test func marksStemmedFormsAndWholePhrases() {
        let best = highlighter("\"acne scar\" scarred").bestPassage(among: passages)
        #expect(best?.snippet == "It can soften [acne scars] and [scarring] over…")
    }

    @Test func aHeadingMatchOutweighsATextMention() {
        let candidates = [
            PassageHighlighter.Candidate(heading: "Overview", text: "Aftercare matters."),
            PassageHighlighter.Candidate(heading: "Aftercare", text: "Keep skin clean."),
        ]
        #expect(highlighter("aftercare").bestPassage(among: candidates)?.index == 1)
    }

    @Test func theUsersOwnWordsOutweighAnExpansionInAHeading() {
        let candidates = [
            PassageHighlighter.Candidate(heading: nil, text: "Microneedling, also called PCI, uses needles."),
            PassageHighlighter.Candidate(heading: "Does microneedling hurt?", text: "Microneedling stings a little."),
        ]
        #expect(highlighter("PCI", names: [["microneedling", "PCI"]]).bestPassage(among: candidates)?.index == 0)
    }

    @Test func expandedNamesAreMarkedToo() {
        let best = highlighter("PCI", names: [["microneedling", "PCI"]]).bestPassage(among: passages)
        #expect(best?.index == 0)
        #expect(best?.snippet == "[Microneedling] uses fine needles.")
    }

    @Test func returnsNothingWhenNoPassageMatches() {
        #expect(highlighter("botox").bestPassage(among: passages) == nil)
    }

    @Test func cutsLongTextsAroundTheMatchWithEllipses() {
        let long = (1...40).map { "w\($0)" }.joined(separator: " ") + " target " + (41...80).map { "w\($0)" }.joined(separator: " ")
        let snippet = highlighter("target").bestPassage(among: [.init(heading: nil, text: long)])?.snippet
        #expect(snippet == "…w38 w39 w40 [target] w41 w42 w43 w44…")
    }

    @Test func tokenizesLikeUnicode61() {
        let text = TokenizedText("Café—crème’s 2% Retin-A")
        #expect(text.tokens.indices.map { String(decoding: text.folded($0), as: UTF8.self) } == ["cafe", "creme", "s", "2", "retin", "a"])
    }
}
