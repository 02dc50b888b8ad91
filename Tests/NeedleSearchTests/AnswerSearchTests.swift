import NeedleProtocol
@testable import NeedleSearch
import NeedleTesting
import Testing

@Suite struct QuestionAnalysisTests {
    @Test(arguments: [
        ("What are the symptoms of pili torti?", QuestionIntent.symptoms, "pili torti"),
        ("How long is skin red after microneedling?", .recovery, "skin red microneedling"),
        ("How much does a chemical peel cost?", .cost, "chemical peel"),
        ("Can I use retinol while pregnant?", .pregnancy, "use retinol"),
        ("Who should not get laser resurfacing?", .avoidance, "laser resurfacing"),
        ("How many people are affected by rosacea?", .frequency, "rosacea"),
        ("Is albinism inherited?", .inheritance, "albinism"),
        ("What is melasma?", .definition, "melasma"),
        ("How to diagnose scabies?", .diagnosis, "scabies"),
    ])
    func findsTheIntentAndTheTopic(question: String, intent: QuestionIntent, topic: String) {
        let analysis = QuestionAnalysis(question)
        #expect(analysis.intents.contains(intent))
        #expect(analysis.topic == topic)
    }

    @Test func aSpecificIntentReplacesWhatIsIt() {
        #expect(!QuestionAnalysis("What are the treatments for acne?").intents.contains(.definition))
    }

    @Test func headingsThatAnswerTheIntentMatch() {
        let analysis = QuestionAnalysis("How long is the downtime after a chemical peel?")
        #expect(analysis.headingMatch("Recovery and downtime") == 1)
        #expect(analysis.headingMatch("Cost") == 0)
        #expect(analysis.headingMatch("How long does peeling last after a chemical peel?") > 0.5)
    }

    @Test func theIntroductionAnswersWhatIsIt() {
        #expect(QuestionAnalysis("What is microneedling?").headingMatch(nil) == 1)
        #expect(QuestionAnalysis("What causes melasma?").headingMatch(nil) < 0.5)
    }
}

@Suite struct AnswerSearchTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()
    static let index = try! SearchIndex.open(path: fixture.indexPath, readers: 2)

    private func ask(_ question: String, limit: Int = 3, minimumConfidence: Double = 0) async throws -> AskResult {
        try Self.index.ask(AskRequest(question: question, limit: limit, minimumConfidence: minimumConfidence))
    }

    @Test func answersWithTheSectionTheQuestionAsksFor() async throws {
        let result = try await ask("How long is skin red after microneedling?")
        #expect(result.answers.first?.slug == "microneedling")
        #expect(result.answers.first?.section == "Aftercare")
        #expect(result.intent == "recovery")
        #expect(result.answers.first?.text.contains("sunburn") == true)
    }

    @Test func findsTheSubjectThroughASynonym() async throws {
        let result = try await ask("What are the side effects of botox?")
        #expect(result.answers.first?.slug == "botulinum-toxin")
        #expect(result.answers.first?.section == "Risks and side effects")
        #expect(result.interpretedAs.first?.concept == "botulinum toxin")
    }

    @Test func anFAQQuestionAnswersItsOwnQuestion() async throws {
        let result = try await ask("can I do microneedling at home")
        #expect(result.answers.first?.section == "Can microneedling be done at home?")
    }

    @Test func whatIsItGetsTheIntroduction() async throws {
        let result = try await ask("What is hyperpigmentation?")
        #expect(result.answers.first?.slug == "hyperpigmentation")
        #expect(result.answers.first?.section == nil)
    }

    @Test func answersComeBestFirstWithConfidenceBetweenZeroAndOne() async throws {
        let answers = try await ask("What causes dark spots?", limit: 10).answers
        #expect(answers.count > 3)
        #expect(answers.allSatisfy { (0...1).contains($0.confidence) })
        #expect(answers.map(\.confidence) == answers.map(\.confidence).sorted(by: >))
        #expect(answers.first?.slug == "hyperpigmentation")
        #expect(answers.first?.section == "Causes")
    }

    @Test func aQuestionTheCorpusCannotAnswerHasLowConfidence() async throws {
        let good = try #require(try await ask("How long is skin red after microneedling?").answers.first?.confidence)
        let poor = try await ask("Is sunscreen needed at night in winter?").answers.first?.confidence ?? 0
        #expect(good > 0.6)
        #expect(poor < good)
    }

    @Test func belowTheMinimumConfidenceSuggestionsComeInstead() async throws {
        let result = try await ask("Is sunscreen needed at night in winter?", minimumConfidence: 0.95)
        #expect(result.answers.isEmpty)
        #expect(result.suggestions.first?.slug == "sunscreen")
        let confident = try await ask("How long is skin red after microneedling?", minimumConfidence: 0.5)
        #expect(!confident.answers.isEmpty && confident.suggestions.isEmpty)
        #expect(confident.answers.allSatisfy { $0.confidence >= 0.5 })
    }

    @Test func aQuestionOfOnlyQuestionWordsReturnsNothing() async throws {
        let result = try await ask("what is it?")
        #expect(result.answers.isEmpty)
    }

    @Test func filtersApplyToAnswers() async throws {
        let result = try Self.index.ask(AskRequest(question: "how do I treat dark spots", limit: 5, kind: "treatment"))
        #expect(!result.answers.isEmpty)
        #expect(result.answers.allSatisfy { $0.slug != "hyperpigmentation" && $0.slug != "sunscreen" })
        await #expect(throws: SearchError.self) {
            try Self.index.ask(AskRequest(question: "acne", kind: "spaceship"))
        }
    }

    @Test func explainGivesEachAnswersParts() async throws {
        let result = try Self.index.ask(AskRequest(question: "How long is skin red after microneedling?", explain: true))
        let parts = try #require(result.answers.first?.explain)
        #expect(parts.headingMatch == 1)
        #expect(parts.matchedName == "Microneedling")
        #expect(parts.passageMatch != nil)
    }
}

/// Misspelled words: `did_you_mean`, and the corrected query when the one typed finds little.
@Suite struct CorrectionTests {
    static var index: SearchIndex { AnswerSearchTests.index }

    @Test func aQueryThatFindsNothingRunsCorrected() async throws {
        let result = try Self.index.search(SearchRequest(query: "microneedlng"))
        #expect(result.corrected)
        #expect(result.didYouMean == "microneedling")
        #expect(result.hits.first?.slug == "microneedling")
        #expect(result.expanded.contains("microneedling"))
    }

    @Test func aQueryThatFindsEnoughKeepsItsHitsAndOnlySuggests() async throws {
        let result = try Self.index.search(SearchRequest(query: "skin microneedlng"))
        #expect(!result.corrected)
        #expect(result.didYouMean == "skin microneedling")
        #expect(result.total >= SearchIndex.fewResults)
        #expect(!result.expanded.contains("microneedling"))
    }

    /// Each lookup scans part of the vocabulary: a query of thousands of unknown words looks up
    /// only a few, the longest first (a misspelled medical name is long).
    @Test func onlyTheLongestUnknownWordsAreLookedUp() async throws {
        let longer = (0..<8).map { "qzxv" + String(repeating: "w", count: 10 + $0) }.joined(separator: " ")
        let shorter = (0..<8).map { "qzxv" + String(repeating: "w", count: 1 + $0) }.joined(separator: " ")
        #expect(try Self.index.search(SearchRequest(query: shorter + " microneedlng")).didYouMean?.hasSuffix("microneedling") == true)
        #expect(try Self.index.search(SearchRequest(query: "microneedlng " + longer)).didYouMean == nil)
    }

    /// A message's words as typed always find enough articles, so the typo is corrected first.
    @Test func aTypoInsideAMessageIsCorrectedBeforeItIsRun() async throws {
        let message = "My sister has had these marks on her cheeks for years and nothing she buys helps, her friend says microneedlng works"
        let result = try Self.index.search(SearchRequest(query: message))
        #expect(result.corrected)
        #expect(result.expanded.contains("microneedling"))
        #expect(result.hits.first?.slug == "microneedling")
    }

    @Test func sentencesStayApartInTheCorrectedQuery() async throws {
        let result = try Self.index.ask(AskRequest(question: "I had it last week. Does microneedlng hurt?"))
        #expect(result.didYouMean == "i had it last week. does microneedling hurt")
    }

    @Test func knownWordsAreNeverCorrected() async throws {
        let result = try Self.index.search(SearchRequest(query: "hyperpigmentation sunscreen"))
        #expect(result.didYouMean == nil && !result.corrected)
    }

    @Test func quotedPhrasesAreKeptAsTyped() async throws {
        let result = try Self.index.search(SearchRequest(query: #""microneedlng" scars"#))
        #expect(result.didYouMean == nil)
    }

    @Test func aMisspelledQuestionIsAnsweredCorrected() async throws {
        let result = try Self.index.ask(AskRequest(question: "How long is skin red after microneedlng?"))
        #expect(result.corrected)
        #expect(result.didYouMean == "how long is skin red after microneedling")
        #expect(result.answers.first?.section == "Aftercare")
    }
}
