import NeedleProtocol
import NeedleSearch
import NeedleTesting
import Testing

/// `suggest`: completing typed prefixes to article names, through ``SearchIndex/suggest(_:)``.
@Suite struct NameCompleterTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()
    static let index = try! SearchIndex.open(path: fixture.indexPath, readers: 1)

    /// One article for each tier of the ranking, all for the prefix "peel".
    static let rankingIndex: SearchIndex = {
        let article = CorpusFixture.article
        let fixture = try! CorpusFixture(articles: [
            "peel-basics": article("Peel", "guide", [], [], nil, "Basics."),
            "chemical-peel": article("Chemical peel", "treatment", ["Peel"], [], nil, "An acid."),
            "peel-aftercare": article("Peel aftercare", "procedure-care", [], [], nil, "Care."),
            "acid-wash": article("Acid wash", "treatment", ["Peeling acid"], [], nil, "A wash."),
            "dull-skin": article("Dull skin", "concern", [], ["peeling skin"], nil, "Dullness."),
            "laser": article("Laser", "treatment", ["Laser peel"], [], nil, "Light."),
            "pelican": article("Pelican balm", "ingredient", [], [], nil, "A balm."),
        ])
        return try! SearchIndex.open(path: try! fixture.buildIndex(), readers: 1)
    }()

    private func suggest(_ query: String, limit: Int = 8, in index: SearchIndex = index) -> [Suggestion] {
        index.suggest(SuggestRequest(query: query, limit: limit)).suggestions
    }

    @Test func aPrefixOfATitleSuggestsTheArticle() {
        #expect(suggest("micron") == [Suggestion(text: "Microneedling", slug: "microneedling", kind: "treatment", matched: "Microneedling")])
    }

    @Test(arguments: ["MICRON", "Micron", "mícrón", "  micron  "])
    func ignoresCaseAccentsAndSpaceAround(query: String) {
        #expect(suggest(query).map(\.slug) == ["microneedling"])
    }

    @Test func anAliasMatchIsShownWithTheTitle() {
        let first = suggest("pc").first
        #expect(first?.text == "Microneedling")
        #expect(first?.matched == "PCI")
    }

    @Test func earlierWordsAreWholeAndTheLastIsAPrefix() {
        #expect(suggest("skin need").first?.matched == "Skin needling")
        #expect(suggest("collagen ind").map(\.matched) == ["Collagen induction therapy"])
        #expect(suggest("col ind").isEmpty, "'col' is not a whole word of any name, and too short a typo")
    }

    @Test func aWordInsideAMultiWordNameMatches() {
        let suggestions = suggest("needling")
        #expect(suggestions.map(\.slug) == ["microneedling"])
        #expect(suggestions.first?.matched == "Skin needling")
    }

    @Test func oneSuggestionPerArticleWithItsBestName() {
        let suggestions = suggest("c", limit: 50)
        #expect(Set(suggestions.map(\.slug)).count == suggestions.count)
        #expect(suggestions.first(where: { $0.slug == "chemical-peel" })?.matched == "Chemical peel", "the title beats the alias 'Chem peel'")
    }

    @Test func ranksExactThenTitleAliasConcernPrefixesThenWordsInsideThenTypos() {
        #expect(suggest("peel", in: Self.rankingIndex).map(\.slug) == [
            "peel-basics", "chemical-peel", "peel-aftercare", "acid-wash", "dull-skin", "laser", "pelican",
        ])
        #expect(suggest("peel", in: Self.rankingIndex).map(\.matched) == [
            "Peel", "Peel", "Peel aftercare", "Peeling acid", "peeling skin", "Laser peel", "Pelican balm",
        ])
    }

    @Test func tiesGoToTheShorterNameThenTheTitleAlphabetically() throws {
        let article = CorpusFixture.article
        let fixture = try CorpusFixture(articles: [
            "peel-zone": article("Peel zone", "guide", [], [], nil, "Zone."),
            "peel-area": article("Peel area", "guide", [], [], nil, "Area."),
            "peel-aftercare": article("Peel aftercare", "guide", [], [], nil, "Care."),
            "peel-kit": article("Peel kit", "guide", [], [], nil, "Kit."),
        ])
        defer { fixture.remove() }
        let index = try SearchIndex.open(path: try fixture.buildIndex(), readers: 1)
        #expect(suggest("pee", in: index).map(\.slug) == ["peel-kit", "peel-area", "peel-zone", "peel-aftercare"])
    }

    @Test func typosFillUpOnlyWhatPrefixesLeaveFree() {
        #expect(suggest("peel", limit: 6, in: Self.rankingIndex).map(\.slug).contains("pelican") == false)
        #expect(suggest("peel", limit: 7, in: Self.rankingIndex).last?.slug == "pelican")
    }

    @Test(arguments: [
        ("mirco", "microneedling"), ("mecro", "microneedling"), ("mcro", "microneedling"), ("botulinnum", "botulinum-toxin"),
        ("sunscrn", "sunscreen"), ("hyperpgi", "hyperpigmentation"), ("skin neeld", "microneedling"),
    ])
    func aTypoInThePrefixStillFindsTheName(query: String, slug: String) {
        #expect(suggest(query).first?.slug == slug)
    }

    @Test func amongTyposATitleRanksBeforeAnAlias() {
        // "Microderm" (an alias of Microdermabrasion) is shorter than the title "Microneedling".
        let suggestions = suggest("mirco", in: BundledIndex.index)
        #expect(suggestions.first?.matched == "Microneedling")
        #expect(suggestions.map(\.slug).contains("microdermabrasion"))
    }

    @Test(arguments: ["nicro", "imcro", "mcr"])
    func typosOfTheFirstLetterOrInShortPrefixesFindNothing(query: String) {
        #expect(suggest(query).isEmpty)
    }

    @Test func keepsToTheLimit() {
        #expect(suggest("s", limit: 50).count > 2)
        #expect(suggest("s", limit: 2).count == 2)
        #expect(suggest("s", limit: 0).isEmpty)
    }

    @Test(arguments: ["", " ", "\t\n", "?!", "\"", "😀"])
    func emptyOrBlankQueriesGetNothing(query: String) {
        #expect(suggest(query).isEmpty)
    }

    @Test func aConcernSharedByManyArticlesSuggestsItsOwnArticleFirst() {
        let suggestions = suggest("acne scars", limit: 10, in: BundledIndex.index)
        #expect(suggestions.first?.slug == "acne-scars")
        #expect(suggestions.count > 3)
        #expect(suggestions.dropFirst().first?.matched == "acne scars", "then the articles that list it as a concern")
    }

    /// The `suggest` lines of the lay dev set (`/work/shared/eval/lay/dev.tsv`): one of the
    /// acceptable slugs must be among the first k suggestions on the bundled corpus.
    @Test(arguments: [
        ("micron", ["microneedling"], 3), ("chem", ["chemical-peel", "chemical-peel-aftercare"], 3),
        ("sali", ["salicylic-acid"], 3), ("ipl", ["intense-pulsed-light"], 3), ("fil", ["dermal-fillers"], 5),
        ("retinl", ["retinol", "topical-retinoids"], 5),
    ])
    func layDevSetPrefixesHit(query: String, acceptable: [String], k: Int) {
        let slugs = suggest(query, limit: k, in: BundledIndex.index).map(\.slug)
        #expect(slugs.contains(where: acceptable.contains), "\(slugs)")
    }
}
