import NeedleCorpus
import Testing

@Suite struct ArticleParserTests {
    private func parse(_ text: String, slug: String = "sample") -> (Article?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let article = ArticleParser.parse(Array(text.utf8), slug: slug, path: "articles/\(slug).md", into: &diagnostics)
        return (article, diagnostics)
    }

    private let valid = """
        ---
        title: Microneedling
        kind: treatment
        aliases: [PCI, Skin needling]
        concerns: [acne scars]
        summary: Fine needles.
        ---
        Intro text.
        ## Benefits
        Better texture.
        ## FAQ
        ### Does it hurt?
        A little.
        """

    @Test func readsFrontMatterFields() throws {
        let (article, diagnostics) = parse(valid)
        let parsed = try #require(article)
        #expect(diagnostics.isEmpty)
        #expect(parsed.title == "Microneedling")
        #expect(parsed.kind == .treatment)
        #expect(parsed.aliases == ["PCI", "Skin needling"])
        #expect(parsed.concerns == ["acne scars"])
        #expect(parsed.summary == "Fine needles.")
        #expect(parsed.nameLines == [2, 4, 4])
    }

    @Test func splitsBodyIntoPassagesAtHeadings() throws {
        let passages = try #require(parse(valid).0).passages
        #expect(passages.map(\.heading) == [nil, "Benefits", "Does it hurt?"])
        #expect(passages.map(\.text) == ["Intro text.", "Better texture.", "A little."])
        #expect(passages.map(\.level) == [0, 2, 3])
        #expect(passages.map(\.line) == [8, 9, 12])
    }

    @Test func questionSectionsRememberTheirEnclosingSection() throws {
        let faq = try #require(parse(valid).0).passages.last
        #expect(faq?.parent == "FAQ")
    }

    @Test func reportsMalformedYAMLAtItsFileLine() {
        let (article, diagnostics) = parse("---\ntitle: A\nkind: [treatment\n---\nBody.\n")
        #expect(article == nil)
        #expect(diagnostics.first?.description.hasPrefix("articles/sample.md:") == true)
        #expect(diagnostics.first?.message.contains("malformed YAML") == true)
        #expect((diagnostics.first?.line ?? 0) >= 3)
    }

    @Test func reportsMissingTitle() {
        let (_, diagnostics) = parse("---\nkind: treatment\n---\nBody.\n")
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("missing title") })
    }

    @Test func reportsUnknownKindAtItsLine() {
        let (_, diagnostics) = parse("---\ntitle: A\nkind: cream\n---\nBody.\n")
        let problem = diagnostics.first { $0.message.contains("unknown kind 'cream'") }
        #expect(problem?.line == 3)
        #expect(problem?.severity == .error)
    }

    @Test func reportsBadSlug() {
        let (_, diagnostics) = parse(valid, slug: "Micro_Needling")
        #expect(diagnostics.contains { $0.message.hasPrefix("bad slug 'Micro_Needling'") })
    }

    @Test func reportsInvalidUTF8WithItsLine() {
        var bytes = Array("---\ntitle: A\nkind: guide\n---\nBody ".utf8)
        bytes += [0xff, 0xfe, 0x0a]
        var diagnostics: [Diagnostic] = []
        let article = ArticleParser.parse(bytes, slug: "a", path: "a.md", into: &diagnostics)
        #expect(article == nil)
        #expect(diagnostics.map(\.description) == ["a.md:5: invalid UTF-8: save the file as UTF-8"])
    }

    @Test(arguments: [
        ("---\ntitle: A\nkind: guide\n---\n\n   \n", "articles/sample.md:4: empty body: write the article below the front matter"),
        ("# Title\nBody.\n", "articles/sample.md:1: missing front matter: the file must start with a '---' line"),
        ("---\ntitle: A\nkind: guide\nBody.\n", "articles/sample.md:1: front matter is not closed: add a '---' line after it"),
    ])
    func reportsABrokenFileLayout(text: String, problem: String) {
        let (article, diagnostics) = parse(text)
        #expect(article == nil)
        #expect(diagnostics.map(\.description) == [problem])
    }

    @Test func warnsAboutUnknownKeysButKeepsTheArticle() {
        let (article, diagnostics) = parse("---\ntitle: A\nkind: guide\nauthor: Me\n---\nBody.\n")
        #expect(article != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.line == 4)
    }

    @Test func rejectsAliasesThatAreNotAList() {
        let (_, diagnostics) = parse("---\ntitle: A\nkind: guide\naliases: PCI\n---\nBody.\n")
        #expect(diagnostics.contains { $0.message == "'aliases' must be a list, like [First, Second]" && $0.line == 4 })
    }

    @Test func reportsEveryProblemOfAFileNotOnlyTheFirst() {
        let (_, diagnostics) = parse("---\nkind: cream\nsummary: [x]\n---\n\n", slug: "BAD")
        let messages = diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("bad slug") })
        #expect(messages.contains { $0.hasPrefix("unknown kind") })
        #expect(messages.contains { $0.hasPrefix("'summary' must be text") })
        #expect(messages.contains { $0.hasPrefix("missing title") })
        #expect(messages.contains { $0.hasPrefix("empty body") })
    }

    @Test func headingsInsideCodeFencesAreText() throws {
        let article = try #require(parse("---\ntitle: A\nkind: guide\n---\n```\n## not a heading\n```\n## Real\nText.\n").0)
        #expect(article.passages.map(\.heading) == [nil, "Real"])
        #expect(article.passages.first?.text == "## not a heading")
    }
}
