import Foundation
import NeedleCorpus
import NeedleTesting
import Testing

@Suite struct CorpusLoaderTests {
    @Test func loadsAValidCorpus() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        let result = CorpusLoader.load(folder: fixture.corpusPath)
        #expect(result.diagnostics.isEmpty)
        #expect(result.corpus?.articles.count == 5)
        #expect(result.corpus?.synonyms.count == 3)
    }

    @Test func reportsProblemsFromEveryFileAndTheSynonyms() throws {
        let fixture = try CorpusFixture(articles: [
            "one": "---\nkind: treatment\n---\nBody.\n",
            "two": "---\ntitle: Two\nkind: cream\n---\nBody.\n",
        ], synonyms: "x, , y\n")
        defer { fixture.remove() }
        let result = CorpusLoader.load(folder: fixture.corpusPath)
        #expect(result.corpus == nil)
        let files = Set(result.diagnostics.map { ($0.path as NSString).lastPathComponent })
        #expect(files == ["one.md", "two.md", "synonyms.txt"])
    }

    @Test func duplicateSlugsInSubfoldersAreErrors() throws {
        let text = CorpusFixture.article(title: "Acne", kind: "concern", body: "Body.")
        let fixture = try CorpusFixture(articles: ["acne": text])
        defer { fixture.remove() }
        try fixture.write(CorpusFixture.article(title: "Acne again", kind: "concern", body: "Body."), to: "articles/more/acne.md")
        let result = CorpusLoader.load(folder: fixture.corpusPath)
        #expect(result.corpus == nil)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("duplicate slug 'acne'") })
    }

    @Test func aSharedNameIsAWarningAndStrictMakesItAnError() throws {
        let fixture = try CorpusFixture(articles: [
            "a": CorpusFixture.article(title: "Alpha", aliases: ["AHA"], body: "Body."),
            "b": CorpusFixture.article(title: "Beta", aliases: ["aha"], body: "Body."),
        ])
        defer { fixture.remove() }
        let lenient = CorpusLoader.load(folder: fixture.corpusPath)
        #expect(lenient.corpus != nil)
        #expect(lenient.diagnostics.map(\.severity) == [.warning])
        #expect(lenient.diagnostics.first?.message.contains("also a name of 'a'") == true)
        let strict = CorpusLoader.load(folder: fixture.corpusPath, strict: true)
        #expect(strict.corpus == nil)
    }

    @Test func missingArticlesFolderIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = CorpusLoader.load(folder: directory.path)
        #expect(result.diagnostics.first?.message.hasPrefix("no articles folder") == true)
    }

    @Test func digestChangesWhenAnyFileChanges() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        let before = CorpusLoader.digest(folder: fixture.corpusPath)
        #expect(CorpusLoader.load(folder: fixture.corpusPath).corpus?.digest == before)
        try fixture.write("botox, dysport\n", to: "synonyms.txt")
        #expect(CorpusLoader.digest(folder: fixture.corpusPath) != before)
    }
}
