@testable import NeedleCorpus
import Testing

/// The byte-level shortcuts of the parser give what the `Character` rules give.
@Suite struct ArticleParserFastPathTests {
    static let texts = [
        "one\ntwo\n\nthree", "crlf\r\nstays one character\r\n", "lone\rcarriage\n", "\n\n", "",
        "é accents\nand 🧴 emoji\n", "trailing\n", "\r\n\n\r\n",
    ]

    @Test(arguments: texts)
    func linesAreSplitLikeCharacters(text: String) {
        #expect(ArticleParser.splitLines(text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: [
        ("  padded words \t", "padded words"), ("\u{00A0}non-breaking\u{00A0}", "non-breaking"),
        (" é ", "é"), ("\u{2003}em space ", "em space"), ("   ", ""), ("a\r\n", "a"), (" x\u{301} ", "x\u{301}"),
    ])
    func trimmingMatchesTheCharacterRules(text: String, trimmed: String) {
        #expect(text[...].trimmingWhitespace() == trimmed[...])
    }

    @Test(arguments: [
        ("plain   words\tand  tabs", "plain words and tabs"),
        ("the word http stays, xhttpy too", "the word http stays, xhttpy too"),
        ("see http://example.org and https://x.org/a", "see and"),
        ("non\u{00A0}breaking  é space", "non breaking é space"),
        ("pipes | become | spaces", "pipes become spaces"),
    ])
    func plainLinesCollapseSpacesAsBefore(line: String, plain: String) {
        #expect(MarkdownText.plain(inline: line[...]) == plain)
    }

    @Test func skippingTheBodyKeepsTheFrontMatterAndItsWarnings() {
        let text = "---\ntitle: Peel\nkind: treatment\ncolour: red\naliases: [Chem peel]\n---\nBody.\n## Aftercare\nRest.\n"
        var full: [Diagnostic] = []
        var skipped: [Diagnostic] = []
        let article = ArticleParser.parse(Array(text.utf8), slug: "peel", path: "peel.md", into: &full)
        let header = ArticleParser.parse(Array(text.utf8), slug: "peel", path: "peel.md", skippingBody: true, into: &skipped)
        #expect(article?.passages.count == 2)
        #expect(header?.passages.isEmpty == true)
        #expect(header?.names == ["Peel", "Chem peel"])
        #expect(header?.digest == article?.digest)
        #expect(skipped == full)
        #expect(full.count == 1, "the unknown key 'colour'")
    }
}
