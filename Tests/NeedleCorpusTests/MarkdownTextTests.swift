import NeedleCorpus
import Testing

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("See [the FAQ](https://example.org/faq) now", "See the FAQ now"),
        ("**Bold** and *italic* and __strong__ and _em_", "Bold and italic and strong and em"),
        ("Use `code` here", "Use code here"),
        ("An ![image alt](pic.png) inline", "An image alt inline"),
        ("Visit https://example.org today", "Visit today"),
        ("<b>tag</b> text <br/>", "tag text"),
        ("snake_case stays", "snake_case stays"),
        ("~~struck~~ word", "struck word"),
        ("Escaped \\*star\\*", "Escaped *star*"),
        ("A [reference][ref] link", "A reference link"),
        ("2 < 3 and 4 > 1", "2 < 3 and 4 > 1"),
    ])
    func stripsInlineSyntax(markdown: String, plain: String) {
        #expect(MarkdownText.plain(inline: markdown[...]) == plain)
    }

    @Test func listItemsAndParagraphsBecomeLines() {
        let markdown = "First line\ncontinues.\n\n- item one\n- item two\n1. numbered\n> quoted"
        #expect(MarkdownText.plain(markdown) == "First line continues.\nitem one\nitem two\nnumbered\nquoted")
    }

    @Test func dropsFencesAndRulesButKeepsCode() {
        #expect(MarkdownText.plain("```swift\nlet x = 1\n```\n---\nAfter") == "let x = 1\nAfter")
    }

    @Test func dropsReferenceDefinitions() {
        #expect(MarkdownText.plain("Text\n\n[ref]: https://example.org") == "Text")
    }
}
