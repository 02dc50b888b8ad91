import NeedleCorpus
import Testing

@Suite struct SynonymFileParserTests {
    private func parse(_ text: String) -> ([SynonymRule], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let rules = SynonymFileParser.parse(text, path: "synonyms.txt", into: &diagnostics)
        return (rules, diagnostics)
    }

    @Test func readsEquivalenceGroups() {
        let (rules, diagnostics) = parse("Botox,  Botulinum   Toxin , dysport\n")
        #expect(diagnostics.isEmpty)
        #expect(rules == [SynonymRule(form: .equivalent, terms: ["botox", "botulinum toxin", "dysport"], line: 1)])
    }

    @Test func readsOneWayRules() {
        let (rules, _) = parse("sunblock, sun block => sunscreen")
        #expect(rules == [SynonymRule(form: .oneWay, terms: ["sunblock", "sun block"], targets: ["sunscreen"], line: 1)])
    }

    @Test func skipsCommentsAndBlankLinesAndKeepsLineNumbers() {
        let (rules, _) = parse("# header\n\nacne, pimples # lay word\n")
        #expect(rules.map(\.line) == [3])
        #expect(rules.first?.terms == ["acne", "pimples"])
    }

    @Test(arguments: [
        ("acne, , pimples", "empty term between commas"),
        ("a => b => c", "more than one '=>'"),
        ("lonely", "a group needs at least two terms separated by commas"),
        (" => sunscreen", "a side of '=>' is empty"),
        ("sunblock =>", "a side of '=>' is empty"),
    ])
    func reportsMalformedLines(line: String, problem: String) {
        let (rules, diagnostics) = parse("ok, fine\n" + line + "\nalso, good\n")
        #expect(rules.count == 2, "parsing goes on after a bad line")
        #expect(diagnostics.map(\.description) == ["synonyms.txt:2: malformed synonym line: \(problem)"])
    }
}
