import Foundation
import NeedleCorpus
import NeedleTesting
import Testing

/// The one-truth check, through ``CorpusLoader`` on a corpus with a `facts.yaml`.
@Suite struct FactCheckerTests {
    static let facts = """
    - id: wait
      fact: Wait about six months after the last dose of isotretinoin.
      about: [isotretinoin, wait]
      states: six months
      stated-in: [laser, peel]
    - id: pairing
      fact: Antibiotics are usually combined with benzoyl peroxide.
      about: [antibiotic, benzoyl peroxide]
      never: [always paired]
    """

    static func load(_ articles: [String: String], facts: String = facts) throws -> [String] {
        let fixture = try CorpusFixture(articles: Dictionary(uniqueKeysWithValues: articles.map { ($0.key, CorpusFixture.article(title: $0.key.capitalized, body: $0.value)) }))
        defer { fixture.remove() }
        try fixture.write(facts, to: "facts.yaml")
        return CorpusLoader.load(folder: fixture.corpusPath).diagnostics.map(\.description)
            .map { $0.replacingOccurrences(of: fixture.corpusPath + "/", with: "") }
    }

    @Test func agreeingArticlesPass() throws {
        let problems = try Self.load([
            "laser": "Intro.\n\n## Who should avoid it\nAfter isotretinoin, wait about six months.\n",
            "peel": "Intro.\n\n## Timing\nWait at least 6 months after isotretinoin.\n",
        ])
        #expect(problems == [])
    }

    @Test func aDifferentNumberIsFlaggedAtItsLineAndTheFactIsMissing() throws {
        let problems = try Self.load([
            "laser": "Intro.\n\n## Who should avoid it\nWait six months after isotretinoin.\n",
            "peel": "Intro.\n\n## Timing\nAfter isotretinoin, wait six to twelve months.\n",
        ])
        let fact = "fact 'wait' (facts.yaml:1)"
        let statement = "Wait about six months after the last dose of isotretinoin."
        #expect(problems == [
            "articles/peel.md:8: warning: states 'six to twelve months' where \(fact) says 'six months': \(statement)",
            "articles/peel.md:1: warning: does not state \(fact) with 'six months': \(statement)",
        ])
    }

    @Test func aContradictingPhraseIsFlagged() throws {
        let problems = try Self.load([
            "laser": "Wait six months after isotretinoin.\n",
            "peel": "Wait six months after isotretinoin. Topical antibiotics are always paired with benzoyl peroxide.\n",
        ])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("articles/peel.md:5: warning: says 'always paired', against fact 'pairing'") == true)
    }

    @Test func theFAQQuestionAndTheTitleAreContext() throws {
        let problems = try Self.load([
            "laser": "Intro.\n\n## FAQ\n### How long should I wait after isotretinoin?\nAbout six months. Then a week of care.\n",
            "peel": "Intro.\n\n## FAQ\n### How long should I wait after isotretinoin?\nAbout three months.\n",
        ])
        #expect(problems.contains { $0.hasPrefix("articles/peel.md:9: warning: states 'three months'") })
        #expect(!problems.contains { $0.hasPrefix("articles/laser.md") }, "only the answer's first sentence takes the question")
    }

    @Test func oneSentenceMayStateTwoFacts() throws {
        let facts = """
        - id: light
          fact: Light peels flake for three to seven days.
          about: [light, flak]
          states: three to seven days
        - id: medium
          fact: Medium peels peel for one to two weeks.
          about: [medium, peel]
          states: one to two weeks
        """
        let problems = try Self.load(["peel": "Light peels flake for three to seven days, medium peels for one to two weeks.\n"], facts: facts)
        #expect(problems == [])
    }

    @Test func aRepeatedFAQQuestionMustGetTheSameNumbers() throws {
        let problems = try Self.load([
            "a": "Intro.\n\n## FAQ\n### How long does redness last?\nAbout two days.\n",
            "b": "Intro.\n\n## FAQ\n### How long does redness last?\nOne to three days.\n",
        ], facts: "[]")
        #expect(problems == [
            "articles/b.md:9: warning: answers 'How long does redness last?' with 'one to three days', but articles/a.md:9 answers it with 'two days': give one answer (and keep it in facts.yaml)",
        ])
    }

    @Test func withoutAFactsFileNothingIsChecked() throws {
        let fixture = try CorpusFixture(articles: [
            "a": CorpusFixture.article(title: "A", body: "## FAQ\n### Q?\nTwo days.\n"),
            "b": CorpusFixture.article(title: "B", body: "## FAQ\n### Q?\nThree days.\n"),
        ])
        defer { fixture.remove() }
        #expect(CorpusLoader.load(folder: fixture.corpusPath).diagnostics == [])
    }

    @Test func aNamedArticleThatDoesNotExistIsReportedAtTheFact() throws {
        let problems = try Self.load(["laser": "Wait six months after isotretinoin.\n"])
        #expect(problems == ["facts.yaml:1: warning: fact 'wait' names 'peel' in stated-in, which is not an article"])
    }
}
