import NeedleCorpus
import NeedleProtocol
@testable import NeedleSearch
import Testing

@Suite struct QueryParsingTests {
    @Test func tokensAreFoldedLowercaseWords() {
        #expect(TextNormalizer.tokens("Retin-A, Café CRÈME 2%") == ["retin", "a", "cafe", "creme", "2"])
    }

    /// A word is remembered across requests; a run of letters longer than any word is read as
    /// a word but not remembered, so made-up runs cannot fill the memo with long strings.
    @Test func onlyWordLengthTokensAreRemembered() {
        let word = "rememberedbyparsing"
        let run = String(repeating: "q", count: QueryWord.longestRemembered + 1)
        #expect(QueryWord.of(word).text == word)
        #expect(QueryWord.of(run).text == run)
        #expect(QueryWord.remembered.withLock { $0[word] } != nil)
        #expect(QueryWord.remembered.withLock { $0[run] } == nil)
    }

    @Test func matchKeyIgnoresPlurals() {
        #expect(TextNormalizer.matchKey(["acne", "scars"]) == TextNormalizer.matchKey(["acne", "scar"]))
        #expect(TextNormalizer.matchKey(["stress"]) == "stress")
    }

    @Test func quotedTextIsOneExactSegment() {
        let query = ParsedQuery(#"skin "acne scars" retin-a"#)
        #expect(query.segments.map(\.tokens) == [["skin"], ["acne", "scars"], ["retin", "a"]])
        #expect(query.segments.map(\.isQuoted) == [false, true, false])
    }

    @Test func anUnclosedQuoteRunsToTheEnd() {
        #expect(ParsedQuery(#"dark "spots after"#).segments.last?.isQuoted == true)
    }

    @Test func veryLongQueriesAreReadWithinTheTokenBound() {
        let query = ParsedQuery(String(repeating: "word ", count: 5_000))
        #expect(query.segments.count == ParsedQuery.maximumTokens)
        #expect(query.isTruncated)
    }

    /// One 65 KB hyphenated "word" used to be one segment of 13,000 tokens, searched as one phrase.
    @Test func aHugeHyphenatedWordIsCutIntoBoundedSegments() {
        let query = ParsedQuery(Array(repeating: "skin", count: 13_000).joined(separator: "-"))
        #expect(query.segments.reduce(0) { $0 + $1.tokens.count } <= ParsedQuery.maximumTokens)
        #expect(query.segments.allSatisfy { $0.tokens.count <= ParsedQuery.maximumSegmentTokens })
        #expect(query.isTruncated)
    }

    @Test func aHugeQuotedPhraseIsCutIntoBoundedSegments() {
        let query = ParsedQuery("\"" + String(repeating: "acne scars ", count: 6_000) + "\"")
        #expect(query.segments.reduce(0) { $0 + $1.tokens.count } <= ParsedQuery.maximumTokens)
        #expect(query.segments.allSatisfy { $0.isQuoted && $0.tokens.count <= ParsedQuery.maximumSegmentTokens })
    }

    @Test func aTokenLongerThanAnyWordIsDropped() {
        let query = ParsedQuery("acne " + String(repeating: "x", count: 10_000) + " scars")
        #expect(query.segments.map(\.tokens) == [["acne"], ["scars"]])
        #expect(query.dropped.count == 1)
        #expect(!query.isTruncated)
    }

    @Test func onlyTheFirstBytesAreRead() {
        let query = ParsedQuery(String(repeating: " ", count: 20_000) + "acne")
        #expect(query.isEmpty)
        #expect(query.isTruncated)
    }

    /// Every part of an expanded query is bounded, whatever the size of the text.
    static let hugeQueries: [String] = {
        let skins = [String](repeating: "skin", count: 13_000)
        let words: [String] = (0..<13_000).map { "w" + String($0) }
        return [
            skins.joined(separator: "-"), "\"" + skins.joined(separator: " ") + "\"",
            words.joined(separator: "-"), words.joined(separator: " "), String(repeating: "pci ", count: 13_000),
        ]
    }()

    /// By index: the texts are too long to print as test arguments.
    @Test(arguments: hugeQueries.indices)
    func anExpandedQueryIsBoundedBySize(index: Int) {
        let text = Self.hugeQueries[index]
        let aliases: [String] = (0..<200).map { "Needling " + String($0) }
        let dictionary = ConceptDictionary(
            articles: [ArticleNames(slug: "microneedling", names: ["Microneedling"] + aliases + ["PCI"])], synonyms: [])
        let expanded = QueryExpander(dictionary: dictionary).expand(ParsedQuery(text))
        #expect(expanded.groups.count <= QueryExpander.maximumGroups)
        #expect(expanded.groups.allSatisfy { $0.alternatives.count <= QueryExpander.maximumAlternatives })
        #expect(expanded.phrases.count <= QueryExpander.maximumPhrases)
        #expect(expanded.matchExpression.utf8.count < 16_384)
    }

    @Test func aWordRepeatedInAMessageIsOneTerm() {
        let words = (0..<QueryFocus.budget).map { "word" + String($0) }.joined(separator: " ")
        let expander = QueryExpander(dictionary: ConceptDictionary(articles: [], synonyms: []), focus: QueryFocus(articleCount: 10) { _ in 1 })
        #expect(expander.expand(ParsedQuery("skin " + words + " skin")).groups.filter { $0.original == ["skin"] }.count == 1)
        #expect(expander.expand(ParsedQuery("skin skin")).groups.count == 2, "a short query keeps its repeats")
    }

    @Test func groupsPastTheBoundAreListedAsDropped() {
        let words = (0..<40).map { "word\($0)" }
        let expanded = QueryExpander(dictionary: ConceptDictionary(articles: [], synonyms: [])).expand(ParsedQuery(words.joined(separator: " ")))
        #expect(expanded.groups.count == QueryExpander.maximumGroups)
        #expect(expanded.dropped.count == words.count - QueryExpander.maximumGroups)
    }

    @Test func aQuestionIsAnalysedWithinTheReadingBound() {
        let analysis = QuestionAnalysis("what is " + Array(repeating: "skin", count: 13_000).joined(separator: "-"))
        #expect(analysis.topic.split(separator: " ").count <= ParsedQuery.maximumTokens)
    }

    @Test func sentencesAndQuestionsAreKnown() {
        let query = ParsedQuery("My son is 4. His hair won't lie flat! Is it inherited? I read what causes it")
        #expect(query.segments.map(\.sentence) == [0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3])
        #expect(query.questionSentences == [2, 3], "a question mark, or a question word anywhere")
    }

    /// Every token is read once into its word: stem, match key and word lists, in token order.
    @Test func eachTokenIsReadOnceIntoItsWord() {
        let query = ParsedQuery("My scars: \"acne scars\" and Retin-A, what helps?")
        #expect(query.words.map(\.text) == query.tokens)
        #expect(query.words.map(\.text) == ["my", "scars", "acne", "scars", "and", "retin", "a", "what", "helps"])
        #expect(query.words[1].stem == "scar" && query.words[1].key == "scar")
        #expect(query.words[4].isStopword && !query.words[1].isStopword)
        #expect(query.words[7].asks && query.words[7].startsCue, "\"what\" asks, and begins the cue \"what is\"")
        #expect(ParsedQuery("I hope it helps").words[1].isConversation)
        #expect(QueryWord.of("scars") == query.words[1])
    }

    /// Words are cut at any whitespace, quotes end words, and a sentence ends at `.`, `?` or `!`
    /// before closing brackets and quotes, never inside a quoted phrase.
    @Test func wordsAndSentencesEndWhereTheTextSays() {
        let query = ParsedQuery("dry\u{00A0}skin\u{2003}itch (is it eczema?) \"what? now\" rash’s cause’.\tred")
        #expect(query.segments.map(\.tokens) == [["dry"], ["skin"], ["itch"], ["is"], ["it"], ["eczema"], ["what", "now"], ["rash", "s"], ["cause"], ["red"]])
        #expect(query.segments.map(\.sentence) == [0, 0, 0, 0, 0, 0, 1, 1, 1, 2])
        #expect(query.questionSentences == [0, 1], "a question mark before a bracket; a question word in quotes")
        #expect(query.segments.map(\.isQuoted) == [false, false, false, false, false, false, true, false, false, false])
        let glued = ParsedQuery("scars\"acne\"red.")
        #expect(glued.segments.map(\.tokens) == [["scars"], ["acne"], ["red"]])
        #expect(glued.segments.map(\.isQuoted) == [false, true, false])
    }

    @Test func theWordsOfATopicKeepTheirSentences() {
        let query = ParsedQuery("Acne-scars hurt. What helps?").words(keeping: { $0 != 3 })
        #expect(query.segments.map(\.tokens) == [["acne"], ["scars"], ["hurt"], ["helps"]])
        #expect(query.segments.map(\.sentence) == [0, 0, 0, 1])
    }

    @Test func matchExpressionQuotesEveryToken() {
        let dictionary = ConceptDictionary(articles: [], synonyms: [])
        let expanded = QueryExpander(dictionary: dictionary).expand(ParsedQuery(#"NEAR(a* OR "b"^) col:x"#))
        #expect(expanded.matchExpression == #""near a" OR "b" OR "col x""#)
    }
}

@Suite struct QueryExpanderTests {
    let dictionary = ConceptDictionary(
        articles: [
            ArticleNames(slug: "microneedling", names: ["Microneedling", "PCI", "Skin needling"]),
            ArticleNames(slug: "acne-scars", names: ["Acne scars", "Pitted scars"]),
        ],
        synonyms: [
            SynonymRule(form: .equivalent, terms: ["dark spots", "hyperpigmentation"], line: 3),
            SynonymRule(form: .oneWay, terms: ["sunblock"], targets: ["sunscreen"], line: 7),
        ])

    private func groups(_ text: String) -> [[String]] {
        QueryExpander(dictionary: dictionary).expand(ParsedQuery(text)).groups.map { $0.alternatives.map { $0.joined(separator: " ") } }
    }

    /// Names are found by their first word: the longest name from a word, a plural first word
    /// too, and nothing from a word no name begins with, wherever it stands.
    @Test func namesAreFoundFromTheirFirstWord() {
        let tokens = ["my", "acne", "scars", "and", "skins", "needling", "skin"]
        #expect(dictionary.longestMatch(in: tokens, from: 1)?.length == 2)
        #expect(dictionary.longestMatch(in: tokens, from: 4)?.length == 2, "skins needling is a plural of skin needling")
        #expect(dictionary.longestMatch(in: tokens, from: 6) == nil, "skin alone is no name")
        #expect(dictionary.longestMatch(in: tokens, from: 0) == nil)
        #expect(dictionary.longestMatch(in: tokens, from: 7) == nil)
        #expect(dictionary.longestMatch(in: tokens, from: 1) { $0 == 1 } == nil, "acne alone is no name")
    }

    /// A name is extended word by word while its words begin some name, and the longest one found wins.
    @Test func aShorterNameWinsWhenTheLongerOneBreaksOff() {
        let dictionary = ConceptDictionary(
            articles: [
                ArticleNames(slug: "rosacea", names: ["Rosacea"]),
                ArticleNames(slug: "ocular-rosacea", names: ["Rosacea of the eye lids"]),
            ],
            synonyms: [])
        #expect(dictionary.longestMatch(in: ["rosacea", "of", "the", "skin"], from: 0)?.length == 1)
        #expect(dictionary.longestMatch(in: ["rosacea", "of", "the", "eye", "lid"], from: 0)?.length == 5)
        #expect(dictionary.longestMatch(in: ["rosacea", "of", "the", "eye", "lid"], from: 0) { $0 < 5 }?.length == 1)
        #expect(dictionary.longestMatch(in: ["rosacea", "of", "the", "eye"], from: 0)?.length == 1, "cut short by the text")
    }

    @Test func expandsATitleOrAliasToAllNames() {
        #expect(groups("PCI") == [["pci", "microneedling", "skin needling"]])
    }

    @Test func matchesTheLongestNameFirst() {
        #expect(groups("skin needling cost") == [["skin needling", "microneedling", "pci"], ["cost"]])
    }

    @Test func matchesNamesDespitePlurals() {
        #expect(groups("acne scar").first == ["acne scar", "acne scars", "pitted scars"])
    }

    @Test func followsSynonymGroups() {
        #expect(groups("dark spots") == [["dark spots", "hyperpigmentation"]])
        #expect(groups("hyperpigmentation") == [["hyperpigmentation", "dark spots"]])
    }

    @Test func oneWayRulesExpandOnlyForward() {
        #expect(groups("sunblock") == [["sunblock", "sunscreen"]])
        #expect(groups("sunscreen") == [["sunscreen"]])
    }

    @Test func quotedPhrasesAreNotExpanded() {
        #expect(groups(#""skin needling""#) == [["skin needling"]])
    }

    @Test func namesMustEndAtAWordBoundary() {
        #expect(groups("skin-needling") == [["skin needling", "microneedling", "pci"]])
        #expect(groups("skin-needlingx") == [["skin needlingx"]])
    }

    @Test func dropsStopwordsUnlessNothingElseIsLeft() {
        #expect(groups("what is PCI") == [["pci", "microneedling", "skin needling"]])
        #expect(groups("what is") == [["what"], ["is"]])
    }

    @Test func reportsWhichConceptEachNameWasReadAs() {
        let query = QueryExpander(dictionary: dictionary).expand(ParsedQuery("dark spots after PCI"))
        #expect(query.interpretations == [
            Interpretation(term: "dark spots", concept: "dark spots", via: "synonyms.txt:3", ambiguous: false),
            Interpretation(term: "pci", concept: "Microneedling", via: "articles/microneedling.md", ambiguous: false),
        ])
    }

    @Test func aSynonymLineIsNamedAfterTheArticleTitleItHolds() {
        let dictionary = ConceptDictionary(
            articles: [ArticleNames(slug: "hyperpigmentation", names: ["Hyperpigmentation"])],
            synonyms: [SynonymRule(form: .equivalent, terms: ["dark spots", "hyperpigmentation"], line: 12)])
        let query = QueryExpander(dictionary: dictionary).expand(ParsedQuery("dark spots"))
        #expect(query.interpretations.map(\.concept) == ["Hyperpigmentation"])
        #expect(query.interpretations.map(\.via) == ["synonyms.txt:12"])
    }

    @Test func aNameOfSeveralConceptsIsAmbiguousAndExpandsToAll() {
        let dictionary = ConceptDictionary(
            articles: [
                ArticleNames(slug: "platelet-rich-plasma", names: ["Platelet-rich plasma", "PRP"]),
                ArticleNames(slug: "pityriasis-rubra-pilaris", names: ["Pityriasis rubra pilaris", "PRP"]),
            ],
            synonyms: [])
        let query = QueryExpander(dictionary: dictionary).expand(ParsedQuery("PRP"))
        #expect(query.interpretations.map(\.concept) == ["Platelet-rich plasma", "Pityriasis rubra pilaris"])
        #expect(query.interpretations.map(\.ambiguous) == [true, true])
        #expect(query.phrases == ["prp", "platelet rich plasma", "pityriasis rubra pilaris"])
    }

    @Test func theUsersOwnPhraseCountsTwiceInTheExpression() {
        let query = QueryExpander(dictionary: dictionary).expand(ParsedQuery("PCI cost"))
        #expect(query.matchExpression == #"("pci" OR "pci" OR "microneedling" OR "skin needling") OR "cost""#)
    }
}
