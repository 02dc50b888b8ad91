import NeedleCorpus
import NeedleSearch
import Testing

/// Which words of a long message are searched.
@Suite struct QueryFocusTests {
    /// A corpus of 100 articles: "skin" is in all of them, "ichthyosis" in two, other words in 20.
    static let frequencies = ["skin": 100, "years": 60, "tried": 40, "cream": 30, "winter": 10, "ichthyosis": 2, "lamellar": 1, "treatment": 50]
    let expander = QueryExpander(
        dictionary: ConceptDictionary(articles: [ArticleNames(slug: "lamellar-ichthyosis", names: ["Lamellar ichthyosis"])], synonyms: []),
        focus: QueryFocus(articleCount: 100) { frequencies[$0.text] ?? 20 })

    static let message = """
        I am 34 and my skin has been dry for years, I tried every cream, oatmeal baths, coconut oil, lotions from the \
        pharmacy, nothing works and winter makes it look like scales on my elbows, knees and shins. My mother has it too and so did her father. \
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

    /// `ask` reads fewer terms of a message than a search; the best of them, in the same order.
    @Test func aQuestionKeepsFewerOfTheSameTerms() {
        let searched = expander.expand(ParsedQuery(Self.message)).groups.map(\.original)
        let asked = expander.keeping(QueryFocus.questionBudget).expand(ParsedQuery(Self.message))
        #expect(asked.groups.count == QueryFocus.questionBudget)
        #expect(asked.groups.allSatisfy { searched.contains($0.original) })
        #expect(asked.groups.map(\.original) == searched.filter { term in asked.groups.contains { $0.original == term } })
        #expect(asked.groups.contains { $0.original == ["lamellar", "ichthyosis"] })
        #expect(asked.groups.contains { $0.original == ["treatment"] })
    }

    @Test func aCommonOneWordNameInTheStoryIsAPlainWord() {
        let expander = QueryExpander(
            dictionary: ConceptDictionary(articles: [ArticleNames(slug: "burns", names: ["Burns"])], synonyms: []),
            focus: QueryFocus(articleCount: 100) { $0.text == "burns" ? 30 : 5 })
        let story = "I have a red rash around my mouth that burns when I put on moisturizer and gets little bumps and pus spots."
        let inStory = expander.expand(ParsedQuery(story + " What could it be?"))
        #expect(inStory.groups.contains { $0.original == ["burns"] }, "still searched")
        #expect(!inStory.groups.contains { $0.original == ["burns"] && ($0.readAsName || !$0.concepts.isEmpty) })
        #expect(inStory.interpretations.isEmpty)
        let asked = expander.expand(ParsedQuery(story + " How do you treat burns?")).groups.last { $0.original == ["burns"] }
        #expect(asked?.readAsName == true && asked?.concepts.isEmpty == false, "a name in the question is asked about")
        let unasked = expander.expand(ParsedQuery(story)).groups.first { $0.original == ["burns"] }
        #expect(unasked?.readAsName == true, "a message that asks nothing is read as a query")
    }

    /// "Will it go away?" does not ask about GO (geroderma osteodysplastica), and a child who
    /// cries is not CRIE, in the question or in the story; a rare name is read as a name.
    @Test func aWordOfTalkNamesNothingInAMessage() {
        let expander = QueryExpander(
            dictionary: ConceptDictionary(
                articles: [
                    ArticleNames(slug: "geroderma-osteodysplastica", names: ["Geroderma osteodysplastica", "GO"]),
                    ArticleNames(slug: "ichthyosis-with-confetti", names: ["Ichthyosis with confetti", "CRIE"]),
                    ArticleNames(slug: "birthmarks", names: ["Birthmarks", "Strawberry mark"]),
                ],
                synonyms: []),
            focus: QueryFocus(articleCount: 100) { _ in 1 })
        let message = "Our newborn has a bright red raised strawberry mark on her scalp and she cries when it is touched. Will it go away on its own?"
        let expanded = expander.expand(ParsedQuery(message))
        for word in ["go", "cries"] {
            let group = expanded.groups.first { $0.original == [word] }
            #expect(group?.readAsName == false && group?.concepts.isEmpty == true && group?.alternatives == [[word]], "\(word)")
        }
        #expect(expanded.groups.first { $0.original == ["strawberry", "mark"] }?.readAsName == true, "the story's name is not backgrounded by \"go\"")
        #expect(expander.expand(ParsedQuery("GO")).groups.first?.concepts.isEmpty == false, "a query of the abbreviation alone still names it")
    }

    /// "… my sister had skin cancer … What are the signs of melanoma?" asks about melanoma.
    @Test func whenTheQuestionNamesSomethingTheStorysNamesAreBackground() {
        let expander = QueryExpander(
            dictionary: ConceptDictionary(
                articles: [ArticleNames(slug: "skin-cancer", names: ["Skin cancer"]), ArticleNames(slug: "melanoma", names: ["Melanoma"])],
                synonyms: []),
            focus: QueryFocus(articleCount: 100) { _ in 5 })
        let story = "My mole has changed, it is bigger and the edges are uneven. My sister had skin cancer at forty."
        let asked = expander.expand(ParsedQuery(story + " What are the signs of melanoma?"))
        #expect(asked.groups.first { $0.original == ["skin", "cancer"] }?.readAsName == false)
        #expect(asked.groups.first { $0.original == ["melanoma"] }?.readAsName == true)
        let unnamed = expander.expand(ParsedQuery(story + " What should I look for?"))
        #expect(unnamed.groups.first { $0.original == ["skin", "cancer"] }?.readAsName == true, "no name is asked about")
    }

    /// Words of conversation are rarer in articles than "rash" or "mouth", yet say nothing of the subject.
    @Test func wordsOfConversationGiveWayToTheSubjectsWords() {
        let chat = ["hope", "someone", "told", "sister", "months", "thanks", "wondering"]
        let subject = "red rash mouth bumps pus spots burning moisturizer cheeks flush wine peeling chin nose lips crusts"
        let expander = QueryExpander(
            dictionary: ConceptDictionary(articles: [], synonyms: []),
            focus: QueryFocus(articleCount: 100) { chat.contains($0.text) ? 1 : 30 })
        let expanded = expander.expand(ParsedQuery("Hi, I hope someone can help. My sister told me months ago that this is nothing: "
            + subject + ". Thanks, wondering"))
        #expect(expanded.groups.map { $0.original.joined(separator: " ") } == subject.split(separator: " ").map(String.init))
        #expect(Set(chat).isSubset(of: Set(expanded.dropped)))
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

    /// People ask for treatment in other words than "treatment": what can be done, which medicine.
    @Test(arguments: ["What can be done for it, how do we keep him cool?", "Is there a medicine for this?", "Which medications work?"])
    func everydayWaysOfAskingForTreatment(question: String) {
        #expect(QuestionAnalysis("Our son is 3 and never sweats. " + question).intents.first == .treatment)
    }

    @Test func withoutAQuestionEveryCueCounts() {
        #expect(Set(QuestionAnalysis("psoriasis treatment cost").intents) == [.treatment, .cost])
    }

    @Test func theTopicKeepsTheStoryWords() {
        let analysis = QuestionAnalysis("My grandmother has bed sores. What is the treatment?")
        #expect(analysis.topic == "grandmother bed sores")
    }
}
