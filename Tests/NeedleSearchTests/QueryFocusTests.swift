import NeedleCorpus
import NeedleSearch
import Testing

/// Which words of a long message are searched.
@Suite struct QueryFocusTests {
    /// A corpus of 100 articles: "skin" is in all of them, "ichthyosis" in two, other words in 20.
    static let frequencies = ["skin": 100, "years": 60, "tried": 40, "cream": 30, "winter": 10, "ichthyosis": 2, "lamellar": 1, "treatment": 50]
    let expander = QueryExpander(
        dictionary: ConceptDictionary(articles: [ArticleNames(slug: "lamellar-ichthyosis", names: ["Lamellar ichthyosis"])], synonyms: []),
        focus: QueryFocus(articleCount: 100) { frequencies[$0] ?? 20 })

    static let message = """
        I am 34 and my skin has been dry for years, I tried every cream, oatmeal baths, coconut oil, lotions from the \
        pharmacy, nothing works and winter makes it look like scales. My mother has it too and so did her father. \
        A dermatologist called it lamellar ichthyosis. What treatment is there?
        """

    @Test func aShortQueryIsSearchedWhole() {
        let expanded = expander.expand(ParsedQuery("dry skin cream winter"))
        #expect(expanded.groups.map(\.original) == [["dry"], ["skin"], ["cream"], ["winter"]])
        #expect(expanded.dropped.isEmpty)
    }

    @Test func aLongMessageKeepsItsNamesRareWordsAndQuestion() {
        let expanded = expander.expand(ParsedQuery(Self.message))
        let kept = expanded.groups.map { $0.original.joined(separator: " ") }
        #expect(kept.count == QueryFocus.budget)
        #expect(kept.contains("lamellar ichthyosis"), "a concept named late")
        #expect(kept.contains("treatment"), "a common word of the question sentence")
        #expect(kept.contains("winter"), "a rare word of the story")
        #expect(!kept.contains("skin"), "a word every article has")
        #expect(expanded.dropped.contains("skin"))
        #expect(Set(kept).isDisjoint(with: expanded.dropped))
    }

    @Test func aCommonOneWordNameInTheStoryIsAPlainWord() {
        let expander = QueryExpander(
            dictionary: ConceptDictionary(articles: [ArticleNames(slug: "burns", names: ["Burns"])], synonyms: []),
            focus: QueryFocus(articleCount: 100) { $0 == "burns" ? 30 : 5 })
        let story = "I have a red rash around my mouth that burns when I put on moisturizer and gets little bumps and pus spots. "
            + "It started three weeks ago after a holiday in Spain with friends, and my cheeks flush after wine."
        let inStory = expander.expand(ParsedQuery(story + " What could it be?"))
        #expect(!inStory.groups.contains { $0.original == ["burns"] && ($0.readAsName || !$0.concepts.isEmpty) })
        #expect(inStory.interpretations.isEmpty)
        let asked = expander.expand(ParsedQuery(story + " How do you treat burns?")).groups.first { $0.original == ["burns"] }
        #expect(asked?.readAsName == true && asked?.concepts.isEmpty == false, "a name in the question is asked about")
    }

    @Test func theTermsKeepTheMessagesOrder() {
        let kept = expander.expand(ParsedQuery(Self.message)).groups.map { $0.original.joined(separator: " ") }
        let positions = kept.compactMap { Self.message.lowercased().range(of: $0)?.lowerBound }
        #expect(positions == positions.sorted())
    }
}

/// The intent of a message is read from its questions, not from its story.
@Suite struct MessageIntentTests {
    @Test func theQuestionSentenceGivesTheIntent() {
        let analysis = QuestionAnalysis("I had tests after my surgery and the rash came back at home. What is the treatment?")
        #expect(analysis.intents == [.treatment])
    }

    @Test func ofSeveralQuestionsTheFirstComesFirst() {
        let analysis = QuestionAnalysis("What is trichotillomania? My daughter pulls her hair. Does it go away? What is the treatment?")
        #expect(analysis.intents == [.definition, .outlook, .treatment])
    }

    @Test func withoutAQuestionEveryCueCounts() {
        #expect(Set(QuestionAnalysis("psoriasis treatment cost").intents) == [.treatment, .cost])
    }

    @Test func theTopicKeepsTheStoryWords() {
        let analysis = QuestionAnalysis("My grandmother has bed sores. What is the treatment?")
        #expect(analysis.topic == "grandmother bed sores")
    }
}
