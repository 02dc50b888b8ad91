import NeedleCorpus
import Testing

@Suite struct FactFileParserTests {
    @Test func readsEveryField() throws {
        let yaml = """
        - id: wait
          fact: Wait six months.
          about: [isotretinoin, [wait, after]]
          unless: [course]
          states: six months
          says: [last dose]
          never: [being reviewed]
          stated-in: [isotretinoin]
        """
        var diagnostics: [Diagnostic] = []
        let facts = FactFileParser.parse(yaml, path: "facts.yaml", into: &diagnostics)
        #expect(diagnostics == [])
        let fact = try #require(facts.first)
        #expect(fact.id == "wait")
        #expect(fact.about == [["isotretinoin"], ["wait", "after"]])
        #expect(fact.exceptions == ["course"])
        #expect(fact.quantity == StatedQuantity("6 months"))
        #expect(fact.phrases == ["last dose"])
        #expect(fact.contradictions == ["being reviewed"])
        #expect(fact.statedIn == ["isotretinoin"])
        #expect(fact.line == 1)
    }

    @Test(arguments: [
        ("- id: a\n  fact: F.\n  about: [x]\n  colour: red\n", 4, "unknown key 'colour'"),
        ("- id: a\n  about: [x]\n", 1, "needs a 'fact:' sentence"),
        ("- id: a\n  fact: F.\n", 1, "needs 'about:'"),
        ("- id: a\n  fact: F.\n  about: [x]\n  states: soon\n", 4, "'states:' must be one quantity"),
        ("id: a\n", 1, "must be a list of facts"),
        ("- id: a\n  fact: [unclosed\n", 3, "malformed YAML"),
    ])
    func reportsAMalformedFactAtItsLine(yaml: String, line: Int, message: String) {
        var diagnostics: [Diagnostic] = []
        let facts = FactFileParser.parse(yaml, path: "facts.yaml", into: &diagnostics)
        #expect(facts.isEmpty)
        #expect(diagnostics.map(\.line) == [line])
        #expect(diagnostics.first?.message.contains(message) == true, "\(diagnostics)")
    }

    @Test func aDuplicateIdIsAnErrorAndTheFirstIsKept() {
        let yaml = "- id: a\n  fact: F.\n  about: [x]\n- id: a\n  fact: G.\n  about: [y]\n"
        var diagnostics: [Diagnostic] = []
        let facts = FactFileParser.parse(yaml, path: "facts.yaml", into: &diagnostics)
        #expect(facts.map(\.statement) == ["F."])
        #expect(diagnostics.map(\.description) == ["facts.yaml:4: duplicate fact id 'a': also line 1"])
    }

    @Test func termsMatchWordsThatStartWithThemAndUnlessExcludes() {
        let fact = Fact(id: "f", statement: "S.", about: [["pregnan"], ["retinoid", "retinol"]], exceptions: ["sunscreen"])
        #expect(fact.isAbout(Fact.words("Retinoids are avoided in pregnancy")))
        #expect(!fact.isAbout(Fact.words("Retinoids are avoided by some")))
        #expect(!fact.isAbout(Fact.words("Retinol, sunscreen and pregnancy")))
    }
}
