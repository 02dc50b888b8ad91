import Foundation
import NeedleCorpus
import NeedleTesting
import Testing

/// Checks of the bundled `Corpus/`: every planned article exists, validates, and has the
/// structure the FAQ bot and the search rely on.
@Suite struct BundledCorpusTests {
    static let corpusPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    /// The planned articles and their kinds.
    static let plannedKinds: [String: ArticleKind] = {
        var kinds: [String: ArticleKind] = [:]
        let plan: [(ArticleKind, [String])] = [
            (.treatment, [
                "microneedling", "radiofrequency-microneedling", "chemical-peel", "tca-cross", "laser-resurfacing",
                "fractional-laser", "intense-pulsed-light", "dermabrasion", "microdermabrasion", "dermaplaning",
                "hydradermabrasion", "botulinum-toxin", "dermal-fillers", "platelet-rich-plasma", "subcision",
                "punch-excision", "led-light-therapy", "photodynamic-therapy", "cryotherapy",
                "ultrasound-skin-tightening", "isotretinoin",
            ]),
            (.guide, [
                "derma-rolling", "fitzpatrick-skin-types", "at-home-vs-professional", "skincare-routine",
                "pregnancy-and-breastfeeding-skincare", "skin-of-colour", "patch-testing", "when-to-see-a-dermatologist",
            ]),
            (.ingredient, [
                "topical-retinoids", "retinol", "vitamin-c", "niacinamide", "hyaluronic-acid", "azelaic-acid",
                "hydroquinone", "benzoyl-peroxide", "salicylic-acid", "glycolic-acid", "tranexamic-acid", "ceramides",
                "sunscreen", "minoxidil", "lactic-acid", "mandelic-acid", "bakuchiol", "moisturizers", "mineral-sunscreen",
                "chemical-sunscreen",
            ]),
            (.concern, [
                "acne", "acne-scars", "hyperpigmentation", "melasma", "rosacea", "fine-lines-and-wrinkles",
                "enlarged-pores", "sagging-skin", "stretch-marks", "dull-skin", "sun-damage", "eczema", "dark-circles",
                "uneven-skin-texture", "blackheads-and-whiteheads", "actinic-keratosis", "alopecia-areata",
                "athletes-foot", "basal-cell-carcinoma", "cold-sores", "contact-dermatitis", "dry-skin",
                "folliculitis", "hives", "hyperhidrosis", "ingrown-hairs", "keloids", "keratosis-pilaris", "melanoma",
                "milia", "moles", "nail-fungus", "oily-skin", "pattern-hair-loss", "perioral-dermatitis", "psoriasis",
                "ringworm", "seborrheic-dermatitis", "seborrheic-keratosis", "sensitive-skin", "skin-tags",
                "squamous-cell-carcinoma", "sunburn", "telogen-effluvium", "tinea-versicolor", "vitiligo", "warts",
            ]),
            (.procedureCare, ["microneedling-aftercare", "chemical-peel-aftercare", "laser-aftercare"]),
        ]
        for (kind, slugs) in plan { for slug in slugs { kinds[slug] = kind } }
        return kinds
    }()

    static let loaded = CorpusLoader.load(folder: corpusPath, strict: true)

    static var articles: [Article] { loaded.corpus?.articles ?? [] }

    @Test func validatesWithoutErrorsOrWarnings() {
        #expect(Self.loaded.diagnostics.map(\.description) == [])
        #expect(Self.loaded.corpus != nil)
    }

    @Test func everyPlannedArticleExistsWithItsKind() {
        let actual = Dictionary(uniqueKeysWithValues: Self.articles.map { ($0.slug, $0.kind) })
        #expect(Self.plannedKinds.count == 99)
        #expect(actual == Self.plannedKinds)
    }

    @Test(arguments: plannedKinds.keys.sorted())
    func articleHasSectionsAndAnFAQ(slug: String) throws {
        let article = try #require(Self.articles.first { $0.slug == slug })
        let sections = Set(article.passages.filter { $0.level == 2 }.compactMap(\.heading))
            .union(article.passages.compactMap(\.parent))
        #expect(sections.subtracting(["FAQ"]).count >= 4, "at least four ## sections besides the FAQ")
        let questions = article.passages.filter { $0.parent == "FAQ" && $0.level == 3 }
        #expect(questions.count >= 3, "at least three FAQ questions")
        #expect(questions.allSatisfy { $0.heading?.hasSuffix("?") == true })
    }

    @Test(arguments: plannedKinds.keys.sorted())
    func articleLengthIsBetween400And1000Words(slug: String) throws {
        let article = try #require(Self.articles.first { $0.slug == slug })
        let words = article.passages.map { ($0.heading ?? "") + " " + $0.text }.joined(separator: " ")
            .split(whereSeparator: \.isWhitespace).filter { $0.contains { $0.isLetter || $0.isNumber } }
        #expect((400...1000).contains(words.count), "\(words.count) words")
    }

    @Test func noNameIsClaimedByTwoArticles() {
        var owners: [String: String] = [:]
        var clashes: [String] = []
        for article in Self.articles {
            for name in Set(article.names.map { $0.lowercased() }) {
                if let owner = owners[name] { clashes.append("\(name): \(owner), \(article.slug)") }
                owners[name] = article.slug
            }
        }
        #expect(clashes == [])
    }

    @Test func everySynonymGroupNamesATermOfTheCorpus() throws {
        let corpus = try #require(Self.loaded.corpus)
        let text = " " + corpus.articles.map { article in
            ([article.title] + article.aliases + article.concerns + article.passages.map(\.text)).joined(separator: " ")
        }.joined(separator: " ").words.joined(separator: " ") + " "
        let orphans = corpus.synonyms.filter { rule in
            !(rule.terms + rule.targets).contains { text.contains(" " + $0.words.joined(separator: " ") + " ") }
        }
        #expect(orphans.map(\.line) == [])
    }

    @Test func synonymsCoverTheRequiredAbbreviations() throws {
        let corpus = try #require(Self.loaded.corpus)
        #expect(corpus.synonyms.count >= 80)
        #expect(corpus.synonyms.contains { $0.form == .oneWay })
        let terms = Set(corpus.synonyms.flatMap { $0.terms + $0.targets })
        let required = ["pci", "cit", "ipl", "prp", "tca", "bpo", "txa", "hifu", "aha", "bha", "spf", "tewl"]
        #expect(required.filter { !terms.contains($0) } == [])
    }

    @Test func factsFileKeepsTheSharedFactsAndNamesTheirArticles() throws {
        let text = try String(contentsOfFile: Self.corpusPath + "/facts.yaml", encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        let facts = FactFileParser.parse(text, path: "facts.yaml", into: &diagnostics)
        #expect(diagnostics == [])
        #expect(facts.count >= 15)
        let slugs = Set(Self.articles.map(\.slug))
        #expect(facts.filter { $0.statedIn.isEmpty }.map(\.id) == [], "every fact names the articles that state it")
        #expect(facts.flatMap(\.statedIn).filter { !slugs.contains($0) } == [])
    }

    /// The check is live on the bundled facts: restating one in a copy of the corpus is caught at its line.
    @Test func aContradictionOfABundledFactIsReportedAtItsLine() throws {
        let copy = try TemporaryDirectory()
        defer { copy.remove() }
        let corpus = copy.path + "/Corpus"
        try FileManager.default.copyItem(atPath: Self.corpusPath, toPath: corpus)
        let path = corpus + "/articles/dermabrasion.md"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "waiting about six months after the last dose", with: "waiting six to twelve months after the last dose")
        #expect(changed != original)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        let line = changed.components(separatedBy: "\n").firstIndex { $0.contains("six to twelve months") }.map { $0 + 1 }
        let found = CorpusLoader.load(folder: corpus, strict: true).diagnostics.map(\.description)
        #expect(found.contains { $0.hasPrefix("\(path):\(line ?? 0): states 'six to twelve months' where fact 'isotretinoin-wait'") }, "\(found)")
    }

    @Test func readmeListsEveryArticleUnderItsKind() throws {
        let readme = try String(contentsOfFile: Self.corpusPath + "/README.md", encoding: .utf8)
        let headings: [ArticleKind: String] = [
            .treatment: "## Treatments", .guide: "## Guides", .ingredient: "## Ingredients",
            .concern: "## Concerns", .procedureCare: "## Procedure care",
        ]
        for (slug, kind) in Self.plannedKinds {
            let heading = try #require(headings[kind])
            let section = readme.components(separatedBy: heading).dropFirst().first?
                .components(separatedBy: "\n## ").first ?? ""
            #expect(section.contains("`\(slug)`"), "\(slug) listed under \(heading)")
        }
    }
}

extension String {
    /// Lowercased runs of letters and digits.
    fileprivate var words: [String] {
        lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
