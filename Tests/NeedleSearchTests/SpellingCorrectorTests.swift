import NeedleProtocol
import NeedleSearch
import NeedleTesting
import Testing

/// Typo correction against the bundled corpus, and against tiny fixtures where the
/// vocabulary has to be exactly known.
@Suite struct SpellingCorrectorTests {
    private func correction(_ token: String, in index: SearchIndex = BundledIndex.index) async throws -> SpellingCorrector.Correction? {
        try await index.correction(for: token)
    }

    /// An index of articles whose bodies are the given texts, for vocabularies made to order.
    private func index(bodies: [String]) throws -> (SearchIndex, CorpusFixture) {
        var articles: [String: String] = [:]
        for (number, body) in bodies.enumerated() {
            articles["article-\(number)"] = CorpusFixture.article(title: "Article \(number)", body: body)
        }
        let fixture = try CorpusFixture(articles: articles)
        return (try SearchIndex.open(path: try fixture.buildIndex(), readers: 1), fixture)
    }

    @Test(arguments: [
        ("microneedeling", "microneedling"), ("microneedlng", "microneedling"), ("hyperpigmantation", "hyperpigmentation"),
        ("melazma", "melasma"), ("niacinimide", "niacinamide"), ("sunscren", "sunscreen"), ("isotretinion", "isotretinoin"),
    ])
    func correctsTyposOfConceptNames(typo: String, word: String) async throws {
        #expect(try await correction(typo)?.word == word)
    }

    /// A correction is kept for the next message that has the same word, and is the same.
    @Test func aTokenLookedUpAgainGetsTheSameCorrection() async throws {
        for typo in ["hyperpigmantation", "melazma", "zqxwvutsr"] {
            let first = try await correction(typo)
            #expect(try await correction(typo) == first)
        }
        #expect(try await correction("zqxwvutsr") == nil)
    }

    @Test func aCorrectionSaysHowFarAndHowCommonItIs() async throws {
        let melasma = try #require(try await correction("melazma"))
        #expect(melasma.distance == 1)
        #expect(melasma.documentFrequency > 1)
    }

    @Test(arguments: ["melasma", "scarring", "Scars".lowercased(), "microneedling", "pci", "the"])
    func knownWordsAreLeftAlone(word: String) async throws {
        #expect(BundledIndex.index.corrector.isKnown(word))
        #expect(try await correction(word) == nil)
    }

    @Test func aStemBecomesTheIndexedWordClosestToTheTypo() async throws {
        // "exfoleating" stems to "exfole", one edit from the indexed stem "exfoli"; the body
        // has "exfoliation" first, but "exfoliating" is closer to what was typed.
        let (index, fixture) = try self.index(bodies: ["Exfoliation helps. Gentle exfoliating twice a week."])
        defer { fixture.remove() }
        #expect(try await index.correction(for: "exfoleating")?.word == "exfoliating")
        #expect(try await index.correction(for: "exfoleation")?.word == "exfoliation")
    }

    /// A stem's words are looked for among the article's tokens that may have it: words that
    /// start with a capital or an accented letter are among them, words that start otherwise are not.
    @Test func aStemIsFoundInWordsWrittenWithCapitalsOrAccents() async throws {
        let (index, fixture) = try self.index(bodies: [
            "Every Day, RÉSORPTION and Exfoliation and exfoliating are words, among others like coexfoliation."
        ])
        defer { fixture.remove() }
        #expect(try await index.correction(for: "exfoleating")?.word == "exfoliating")
        #expect(try await index.correction(for: "exfoleation")?.word == "exfoliation")
        #expect(try await index.correction(for: "resorbtion")?.word == "resorption")
    }

    @Test func aStemIsNeverShownAsIs() async throws {
        let word = try #require(try await correction("exfoleating")?.word)
        #expect(word.hasPrefix("exfoliat"), "a real word, not the stem exfoli")
    }

    /// Each typo is one edit from `word`, at its first letter; the control is one edit from it
    /// elsewhere, so the word is within reach and only the first letter keeps the typo as typed.
    @Test(arguments: [
        ("nelasma", "melasna", "melasma"), ("selasma", "mekasma", "melasma"), ("emlasma", "mleasma", "melasma"),
        ("xmicroneedling", "mikroneedling", "microneedling"),
    ])
    func neverChangesTheFirstLetter(typo: String, control: String, word: String) async throws {
        #expect(try await correction(control)?.word == word)
        #expect(try await correction(typo) == nil)
    }

    @Test(arguments: ["acn", "spf", "uv", "aha"])
    func tokensShorterThanFourAreNeverCorrected(token: String) async throws {
        #expect(try await correction(token) == nil)
    }

    @Test func sevenCharactersAllowOneEditAndEightAllowTwo() async throws {
        #expect(try await correction("melazmo") == nil, "7 characters, 2 edits from melasma")
        #expect(try await correction("sonscrean")?.word == "sunscreen", "9 characters, 2 edits")
        #expect(try await correction("acme")?.word == "acne", "4 characters, 1 edit")
    }

    @Test(arguments: ["2024", "b3b3", "vitamin3c"])
    func wordsWithDigitsAreNeverCorrected(token: String) async throws {
        #expect(try await correction(token) == nil)
    }

    @Test func stopwordsAreNeverCorrected() async throws {
        let (index, fixture) = try self.index(bodies: ["whim and whip"])
        defer { fixture.remove() }
        #expect(!index.corrector.isKnown("whom"))
        #expect(try await index.correction(for: "whom") == nil, "a stopword, though whim is one edit away")
        #expect(try await index.correction(for: "whin")?.word != nil, "the same shape of typo is corrected otherwise")
    }

    @Test(arguments: [(["scalp", "scalp", "scale"], "scalp"), (["scale", "scale", "scalp"], "scale")])
    func aTieGoesToTheWordMoreArticlesHold(bodies: [String], expected: String) async throws {
        let (index, fixture) = try self.index(bodies: bodies)
        defer { fixture.remove() }
        let corrected = try #require(try await index.correction(for: "scalx"))
        #expect(corrected.word == expected)
        #expect(corrected.documentFrequency == 2)
    }

    @Test func aCloserWordBeatsAMoreCommonOne() async throws {
        let (index, fixture) = try self.index(bodies: ["mandelbrit", "mandelbrit", "mandelbrit", "mandelbrot"])
        defer { fixture.remove() }
        #expect(try await index.correction(for: "mandelbrotz")?.word == "mandelbrot", "1 edit, against 2 for mandelbrit")
    }

    @Test func aCorrectionIsCloseToTheTypedWordNotOnlyToItsStem() async throws {
        // "hiking" stems to "hike", one edit from the stem "hive" of "hives", four edits from "hiking".
        let (index, fixture) = try self.index(bodies: ["Hives itch."])
        defer { fixture.remove() }
        #expect(try await index.correction(for: "hiking") == nil)
        #expect(try await index.correction(for: "hivs")?.word == "hives", "one edit from the word itself")
    }

    /// "scabei", a typo that one article has, is read as the name "Scabies" that more articles hold.
    @Test func aWordOnlyOneArticleHoldsIsReadAsTheNameOneTypoAway() throws {
        let fixture = try CorpusFixture(articles: [
            "scabies": CorpusFixture.article(title: "Scabies", body: "Mites cause it."),
            "itch": CorpusFixture.article(title: "Itch", body: "Scabies itches."),
            "mites": CorpusFixture.article(title: "Mites", body: "Sarcoptes scabei is a mite."),
        ])
        defer { fixture.remove() }
        let index = try SearchIndex.open(path: try fixture.buildIndex(), readers: 1)
        #expect(index.corrector.nameCorrection(forRare: "scabeis")?.word == "scabies")
        #expect(index.corrector.nameCorrection(forRare: "mites") == nil, "a name")
        #expect(index.corrector.nameCorrection(forRare: "sarcoptes") == nil, "no name is near it")
        #expect(index.corrector.nameCorrection(forRare: "itches") == nil, "more articles hold it")
    }

    /// A message is written in everyday words the index may not have: its short unknown words
    /// stay as typed, its long misspelled names are corrected, a rare spelling of a name too.
    @Test func aMessageCorrectsOnlyItsLongTyposAndRareSpellingsOfNames() throws {
        let fixture = try CorpusFixture(articles: [
            "scabies": CorpusFixture.article(title: "Scabies", body: "Mites cause a wide rash. Treatment is a cream."),
            "itch": CorpusFixture.article(title: "Itch", body: "Scabies itches at night."),
            "mites": CorpusFixture.article(title: "Mites", body: "Sarcoptes scabei is a mite."),
            "psoriasis": CorpusFixture.article(title: "Psoriasis", body: "Red scaly plaques."),
        ])
        defer { fixture.remove() }
        let index = try SearchIndex.open(path: try fixture.buildIndex(), readers: 1)
        #expect(try index.search(SearchRequest(query: "wife")).didYouMean == "wide", "a short query is corrected")
        let message = "My whole family has been itching at night since the sleepover and my wife thinks it is scabeis. "
            + "Her sister had psoriais. What is the treatment?"
        let corrected = try #require(try index.search(SearchRequest(query: message)).didYouMean)
        #expect(corrected.contains("scabies") && corrected.contains("psoriasis"))
        #expect(corrected.contains("wife"))
    }

    /// A message's words are corrected only to words of names: "keliod" (six letters) is Keloid,
    /// but "string", "stairs" and "climbing", which no article here holds, stay as typed though
    /// "strong", "stains" and "clubbing" are one or two edits away. A short query corrects them.
    @Test func aMessageCorrectsItsWordsOnlyToNames() throws {
        let fixture = try CorpusFixture(articles: [
            "keloid": CorpusFixture.article(title: "Keloid", body: "A strong, raised scar that stains darker than the skin."),
            "nails": CorpusFixture.article(title: "Nail changes", body: "Clubbing of the nails comes with lung disease."),
        ])
        defer { fixture.remove() }
        let index = try SearchIndex.open(path: try fixture.buildIndex(), readers: 1)
        #expect(try index.search(SearchRequest(query: "string")).didYouMean == "strong", "a short query is corrected to any word")
        let message = "My son has a keliod on his ear that looks like a string of beads. He gets out of breath climbing the stairs. "
            + "What can be done about it?"
        let corrected = try #require(try index.search(SearchRequest(query: message)).didYouMean)
        #expect(corrected.contains("keloid"))
        for word in ["string", "stairs", "climbing"] { #expect(corrected.contains(word), "\(word)") }
    }
}
