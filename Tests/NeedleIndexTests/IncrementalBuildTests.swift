import Foundation
import GRDB
import NeedleCorpus
import NeedleIndex
import NeedleProtocol
import NeedleTesting
import Testing

/// An incremental build must leave the same content as a full build of the same corpus.
@Suite struct IncrementalBuildTests {
    /// One way a corpus can change between two builds.
    enum Edit: String, CaseIterable, CustomTestStringConvertible {
        case changed, added, deleted, renamed, synonymsChanged, movedToSubfolder, everything

        var testDescription: String { rawValue }

        func apply(to fixture: CorpusFixture) throws {
            let articles = (fixture.corpusPath as NSString).appendingPathComponent("articles")
            switch self {
            case .changed:
                try fixture.write(CorpusFixture.article(
                    title: "Chemical peel", aliases: ["Chem peel", "Acid peel"], concerns: ["dull skin"],
                    body: "A chemical peel with glycolic acid.\n## Aftercare\nUse sunscreen and retinol later."), to: "articles/chemical-peel.md")
            case .added:
                try fixture.write(CorpusFixture.article(title: "Retinol", kind: "ingredient", body: "Vitamin A for acne."), to: "articles/retinol.md")
            case .deleted:
                try FileManager.default.removeItem(atPath: articles + "/sunscreen.md")
            case .renamed:
                try FileManager.default.moveItem(atPath: articles + "/botulinum-toxin.md", toPath: articles + "/botox.md")
            case .synonymsChanged:
                try fixture.write("retinol, vitamin a\nsunblock => sunscreen\n", to: "synonyms.txt")
            case .movedToSubfolder:
                try FileManager.default.createDirectory(atPath: articles + "/care", withIntermediateDirectories: true)
                try FileManager.default.moveItem(atPath: articles + "/sunscreen.md", toPath: articles + "/care/sunscreen.md")
            case .everything:
                for edit in [Edit.changed, .added, .deleted, .renamed, .synonymsChanged] { try edit.apply(to: fixture) }
            }
        }
    }

    static func build(_ fixture: CorpusFixture, to path: String, mode: IndexBuilder.Mode) throws -> IndexBuilder.Summary {
        let outcome = try IndexBuilder.build(from: CorpusReader(folder: fixture.corpusPath), to: path, mode: mode)
        return try #require(outcome.summary, "\(outcome.diagnostics)")
    }

    @Test(arguments: Edit.allCases)
    func anIncrementalBuildEqualsAFullRebuild(edit: Edit) throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        try edit.apply(to: fixture)
        let incremental = try Self.build(fixture, to: fixture.indexPath, mode: .incremental)
        let fresh = fixture.directory.file("fresh/needle.sqlite")
        _ = try Self.build(fixture, to: fresh, mode: .full)
        #expect(incremental.changes != nil)
        #expect(try IndexContent(path: fixture.indexPath) == IndexContent(path: fresh))
        #expect(incremental.meta.articles == IndexMeta.read(path: fresh)?.articles)
        #expect(incremental.meta.passages == IndexMeta.read(path: fresh)?.passages)
        #expect(incremental.meta.corpusDigest == IndexMeta.read(path: fresh)?.corpusDigest)
    }

    /// The update's segments are merged into one, as a full build leaves it: phrases' postings
    /// and searches read every segment.
    @Test func anIncrementalBuildLeavesOneSegment() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        try Edit.everything.apply(to: fixture)
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .incremental)
        let segments = try DatabaseQueue(path: fixture.indexPath).read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM articles_fts_idx")
        }
        #expect(segments == 1)
    }

    @Test func onlyTheChangedArticlesAreRewritten() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        let unchanged = try Self.build(fixture, to: fixture.indexPath, mode: .incremental)
        #expect(unchanged.changes == IndexChanges())
        try Edit.everything.apply(to: fixture)
        let changes = try #require(try Self.build(fixture, to: fixture.indexPath, mode: .incremental).changes)
        // retinol and botox added; the peel changed; sunscreen and botulinum-toxin removed.
        #expect(changes.added == 2)
        #expect(changes.rewritten == 1)
        #expect(changes.removed == 2)
        #expect(try Self.build(fixture, to: fixture.indexPath, mode: .incremental).changes?.total == 0)
    }

    @Test func aBrokenArticleLeavesThePreviousIndexUntouched() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath))
        try Edit.changed.apply(to: fixture)
        try fixture.write("---\ntitle: Broken\nkind: cream\n---\nBody.\n", to: "articles/broken.md")
        let outcome = try IndexBuilder.build(from: CorpusReader(folder: fixture.corpusPath), to: fixture.indexPath)
        #expect(outcome.summary == nil)
        #expect(outcome.diagnostics.map(\.description).contains { $0.contains("articles/broken.md:3: unknown kind 'cream'") })
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath)) == before)
        let folder = (fixture.indexPath as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["needle.sqlite"])
    }

    /// A full build hands passages to a second thread and a scratch file; errors must stop both.
    @Test func aBrokenArticleStopsAFullBuildAndLeavesNoScratchFile() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath))
        try fixture.write("---\ntitle: Broken\nkind: cream\n---\nBody.\n", to: "articles/zz-broken.md")
        let outcome = try IndexBuilder.build(from: CorpusReader(folder: fixture.corpusPath), to: fixture.indexPath, mode: .full)
        #expect(outcome.summary == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath)) == before)
        let folder = (fixture.indexPath as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["needle.sqlite"])
    }

    @Test func anIndexOfAnotherSchemaIsRebuiltInFull() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        let directory = (fixture.indexPath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("not an index".utf8).write(to: URL(fileURLWithPath: fixture.indexPath))
        let summary = try Self.build(fixture, to: fixture.indexPath, mode: .incremental)
        #expect(summary.changes == nil)
        #expect(summary.meta.articles == 5)
    }

    @Test func theFullModeIgnoresThePreviousIndex() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        let again = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        #expect(again.changes == nil)
        #expect(again.description.hasPrefix("indexed 5 articles"))
    }

    /// An index that fails verification is not copied and built upon: the build starts
    /// afresh, says why, and publishes a sound index.
    @Test(arguments: ["meta", "pages"])
    func anIncrementalBuildOverADamagedIndexBuildsInFullAndSaysSo(damage: String) throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        if damage == "meta" {
            try DatabaseQueue(path: fixture.indexPath).write { try $0.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'passages'") }
        } else {
            try IndexVerificationTests.scribble(onHalfOf: fixture.indexPath)
        }
        let outcome = try IndexBuilder.build(from: CorpusReader(folder: fixture.corpusPath), to: fixture.indexPath, mode: .incremental)
        let summary = try #require(outcome.summary)
        #expect(summary.changes == nil, "built in full")
        #expect(outcome.notes.count == 1)
        #expect(outcome.notes.first?.hasPrefix(fixture.indexPath + ": ") == true)
        #expect(outcome.notes.first?.hasSuffix("; building it in full") == true)
        #expect(try IndexVerification.verify(path: fixture.indexPath).meta.articles == 5)
    }

    /// `<out>.tmp-PID` and `<out>.tmp-PID.passages` of a process that is gone are removed by
    /// the next build; those of a live process are left to it.
    @Test func temporaryFilesOfKilledBuildsAreRemovedByTheNextBuild() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        _ = try Self.build(fixture, to: fixture.indexPath, mode: .full)
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let stale = ["needle.sqlite.tmp-\(dead)", "needle.sqlite.tmp-\(dead).passages"]
        let alive = ["needle.sqlite.tmp-1", "needle.sqlite.tmp-\(getppid()).passages", "needle.sqlite.tmp-notapid"]
        let folder = (fixture.indexPath as NSString).deletingLastPathComponent
        for name in stale + alive { FileManager.default.createFile(atPath: folder + "/" + name, contents: Data("x".utf8)) }
        let outcome = try IndexBuilder.build(from: CorpusReader(folder: fixture.corpusPath), to: fixture.indexPath, mode: .incremental)
        #expect(outcome.summary != nil)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        #expect(left == Set(alive + ["needle.sqlite"]))
        #expect(outcome.notes == stale.sorted().map { "removed \($0), left by a build that was killed" })
    }
}
