@testable import needle
import NeedleProtocol
import Testing

@Suite struct SuggestResultViewTests {
    @Test func showsTitleKindSlugAndTheNameThatMatchedWhenItIsNotTheTitle() {
        let result = SuggestResult(tookMicroseconds: 3, suggestions: [
            Suggestion(text: "Microneedling", slug: "microneedling", kind: "treatment", matched: "PCI"),
            Suggestion(text: "Sunscreen", slug: "sunscreen", kind: "ingredient", matched: "Sunscreen"),
        ])
        #expect(SuggestResultView(result: result).text == """
            Microneedling  (treatment)  microneedling  (matched "PCI")
            Sunscreen  (ingredient)  sunscreen

            """)
    }

    @Test func saysSoWhenNothingMatches() {
        #expect(SuggestResultView(result: SuggestResult(suggestions: [])).text == "no suggestions\n")
    }
}
