@testable import NeedleCorpus
import Testing

/// The front matter fast path reads exactly what Yams reads, or leaves the text to Yams.
@Suite struct SimpleFrontMatterTests {
    /// Shapes the fast path reads itself.
    static let read = [
        "title: Acne\nkind: concern",
        "title: Acne scars\nkind: concern\naliases: [Acne scarring, Pitted scars, PCI]\nconcerns: [pitted skin]\nsummary: Scars are lasting, ranging from small pits [and dents].",
        "aliases:\n  - A\n  - B c\ntitle: x",
        "aliases:\n- A\n- 'B''s'\n- \"C: d\"\ntitle: x",
        "title: 'Quoted: yes # no comment'",
        "title: \"Double # not a comment\"",
        "title: C# and 10:30 and a-b",
        "aliases: []\nconcerns: [ ]",
        "title: \"\"\nsummary: ''",
        "title: 'null'\nkind: \"~\"",
        "title: a  b   \nkind:    padded",
        "title: A\n\nkind: guide\n",
        "colour: red\nkind_2: yes",
        "title: yes\nkind: 123\nsummary: 0x1F",
        "title: [a, b]\nkind: [ spaced  words ,x]",
    ]

    /// Shapes the fast path declines (every one is valid or invalid YAML that Yams must judge).
    static let declined = [
        "", "\n", "title: Acne # comment", "title: a: b", "title: Note:", "title: ~", "title: null", "title: NULL",
        "title:\nkind: guide", "title:", "title: Acne\ntitle: Again", "summary: one\n  two", "title: \"esc\\n\"",
        "title: Café", "title: &a x", "title: *a", "title: !!str x", "title: |\n  block", "aliases: [a, 'b']",
        "aliases: [a,, b]", "aliases: [a, b,]", "aliases: [a, [b]]", "aliases: [a, b", "aliases: [a: b]", "# comment\ntitle: x",
        "title:x", "Title: x", "title : x", "aliases:\n  - a\n    - b", "aliases:\n  -", "aliases:\n  - ", "\ttitle: x",
        "title: a\tb", "aliases:\n - a\n  continued", "- a\n- b", "title: x\n- a", "title: 'it's'", "title: \"a\" b",
        "title: 'a' # c", "title: -", "title: - x", "title: ? x", "title: @x", "title: `x`", "title: %x", "title: {a: b}",
        "aliases:\n  - ~", "aliases:\n  - a # c", "aliases:\n  - one\n  - [two]", "  title: x", "title: x\n...", "title: x\n   ",
    ]

    static func yams(_ yaml: String) -> [FrontMatterEntry]? {
        var diagnostics: [Diagnostic] = []
        return YAMLFrontMatter.entries(yaml, path: "a.md", firstLine: 2, into: &diagnostics)
    }

    @Test(arguments: read)
    func readsWhatYamsReads(yaml: String) throws {
        let simple = try #require(SimpleFrontMatter.entries(yaml, firstLine: 2))
        #expect(simple == Self.yams(yaml))
    }

    @Test(arguments: declined)
    func leavesEverythingElseToYams(yaml: String) {
        #expect(SimpleFrontMatter.entries(yaml, firstLine: 2) == nil)
    }

    @Test func keysAndItemsKeepTheirFileLines() throws {
        let entries = try #require(SimpleFrontMatter.entries("title: T\n\naliases:\n  - A\n  - B\nkind: guide", firstLine: 2))
        #expect(entries.map(\.line) == [2, 4, 7])
        #expect(entries[1].value == .list([.init(value: .text("A"), line: 5), .init(value: .text("B"), line: 6)]))
    }
}
