@testable import needle
import NeedleProtocol
import Testing

@Suite struct SearchResultViewTests {
    let result = SearchResult(
        tookMicroseconds: 42, total: 12,
        hits: [SearchHit(slug: "microneedling", title: "Microneedling", kind: "treatment", score: 9, section: "Benefits", snippet: "soften [acne scars]\nover time")],
        expanded: ["acne scars"])

    @Test func showsRankTitleKindSectionAndSnippet() {
        let text = SearchResultView(result: result, offset: 2, highlight: false).text
        #expect(text == """
            3. Microneedling  (treatment)  microneedling
               Benefits: soften [acne scars] over time
            3–3 of 12 · 42 µs

            """)
    }

    @Test func highlightsMatchesInBoldOnATerminal() {
        let text = SearchResultView(result: result, offset: 0, highlight: true).text
        #expect(text.contains("soften \u{1B}[1macne scars\u{1B}[0m over time"))
    }

    @Test func saysWhatWasSearchedWhenNothingMatches() {
        let empty = SearchResult(total: 0, hits: [], expanded: ["zzz"])
        #expect(SearchResultView(result: empty, offset: 0, highlight: false).text == "no results (searched for: zzz)\n")
    }
}
