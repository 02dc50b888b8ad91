import Foundation
import GRDB
import NeedleIndex
import NeedleProtocol
import NeedleTesting
import Testing

/// The `needle` executable, run as a user would.
@Suite(.serialized) struct CommandLineTests {
    static let bundledCorpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    @Test func indexWritesASummaryLine() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        let run = try CommandRun.run("needle", ["index", "--corpus", fixture.corpusPath, "--out", fixture.indexPath])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("indexed 5 articles, "))
        #expect(run.standardOutput.contains("3 synonym rules in "))
        let again = try CommandRun.run("needle", ["index", "--if-changed", "--corpus", fixture.corpusPath, "--out", fixture.indexPath])
        #expect(again.standardOutput.hasPrefix("index is up to date"))
    }

    @Test func aBrokenArticleIsReportedAndTheOldIndexIsUntouched() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath))
        try fixture.write("---\ntitle: Broken\nkind: cream\n---\nBody.\n", to: "articles/broken.md")
        try fixture.write("---\nkind: guide\n---\n\n", to: "articles/worse.md")
        let run = try CommandRun.run("needle", ["index", "--corpus", fixture.corpusPath, "--out", fixture.indexPath])
        #expect(run.status != 0)
        #expect(run.standardError.contains("articles/broken.md:3: unknown kind 'cream'"))
        #expect(run.standardError.contains("articles/worse.md:"), "every broken file is reported")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath)) == before)
    }

    @Test func aKilledBuildLeavesTheOldIndexIntact() async throws {
        var articles: [String: String] = [:]
        for number in 0..<3_000 {
            articles["article-\(number)"] = CorpusFixture.article(
                title: "Article \(number)", body: String(repeating: "Skin care words about peels and scars. ", count: 60) + "\n## Section\nMore text.")
        }
        let fixture = try CorpusFixture(articles: articles)
        defer { fixture.remove() }
        let old = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { old.remove() }
        try FileManager.default.createDirectory(atPath: (fixture.indexPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = try IndexBuilder.build(try old.load(), to: fixture.indexPath)
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProductsDirectory.executable("needle"))
        process.arguments = ["index", "--corpus", fixture.corpusPath, "--out", fixture.indexPath]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once its temporary file exists, so always mid-build: the build has started
        // writing and has not yet renamed its work over the old index.
        let temporary = "\(fixture.indexPath).tmp-\(process.processIdentifier)"
        while !FileManager.default.fileExists(atPath: temporary), process.isRunning {
            try await Task.sleep(for: .milliseconds(5))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build was still running when killed")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.indexPath)) == before, "the old index is untouched")
        #expect(try IndexMeta.read(path: fixture.indexPath)?.articles == 5, "and still the old, readable index")
    }

    /// `--if-changed` does not call a damaged index up to date, and the build says it starts afresh.
    @Test func aDamagedIndexIsRebuiltInFullAndTheBuildSaysSo() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        try DatabaseQueue(path: fixture.indexPath).write { try $0.execute(sql: "DELETE FROM passages WHERE id = 1") }
        let run = try CommandRun.run("needle", ["index", "--if-changed", "--corpus", fixture.corpusPath, "--out", fixture.indexPath])
        #expect(run.status == 0)
        #expect(!run.standardOutput.contains("up to date"))
        #expect(run.standardError.contains("\(fixture.indexPath): meta says"))
        #expect(run.standardError.contains("building it in full"))
        #expect(try IndexVerification.verify(path: fixture.indexPath).meta.articles == 5)
    }

    /// A folder linked into the articles is not walked; the build says so instead of leaving it out silently.
    @Test func aLinkedFolderAmongTheArticlesIsReported() throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        let articles = fixture.corpusPath + "/articles"
        #expect(symlink(articles, articles + "/loop") == 0)
        let run = try CommandRun.run("needle", ["check", "--corpus", fixture.corpusPath])
        #expect(run.standardError.contains("articles/loop:1: warning: a symbolic link to a folder is not followed"))
    }

    @Test func checkStrictFailsOnAContradictedFactAndNamesItsLine() throws {
        let fixture = try CorpusFixture(articles: [
            "laser": CorpusFixture.article(title: "Laser", body: "Wait six months after isotretinoin."),
            "peel": CorpusFixture.article(title: "Peel", body: "Intro.\n\n## Timing\nWait several months after isotretinoin."),
        ])
        defer { fixture.remove() }
        try fixture.write("- id: wait\n  fact: Wait six months.\n  about: [isotretinoin, wait]\n  states: six months\n", to: "facts.yaml")
        let strict = try CommandRun.run("needle", ["check", "--strict", "--corpus", fixture.corpusPath])
        #expect(strict.status != 0)
        #expect(strict.standardError.contains("articles/peel.md:8: states 'several months' where fact 'wait' ("))
    }

    @Test func checkReportsWarningsAndStrictFailsOnThem() throws {
        let fixture = try CorpusFixture(articles: [
            "a": CorpusFixture.article(title: "Alpha", aliases: ["Shared"], body: "Body."),
            "b": CorpusFixture.article(title: "Beta", aliases: ["Shared"], body: "Body."),
        ])
        defer { fixture.remove() }
        let lenient = try CommandRun.run("needle", ["check", "--corpus", fixture.corpusPath])
        #expect(lenient.status == 0)
        #expect(lenient.standardError.contains("warning: name 'Shared' is also a name of 'a'"))
        let strict = try CommandRun.run("needle", ["check", "--strict", "--corpus", fixture.corpusPath])
        #expect(strict.status != 0)
    }

    @Test func searchWithoutADaemonSaysHowToStartOne() throws {
        let run = try CommandRun.run("needle", ["search", "--socket", "/tmp/needle-nobody-\(getpid()).sock", "acne"])
        #expect(run.status != 0)
        #expect(run.standardError.split(separator: "\n").count == 1)
        #expect(run.standardError.contains("no daemon is listening on"))
        #expect(run.standardError.contains("start one with"))
    }

    @Test func suggestCompletesPrefixesFromADaemon() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        let daemon = try await DaemonProcess.start(index: try fixture.buildIndex())
        defer { daemon.kill() }
        let alias = try CommandRun.run("needle", ["suggest", "--socket", daemon.socketPath, "skin", "need"])
        #expect(alias.status == 0)
        #expect(alias.standardOutput == "Microneedling  (treatment)  microneedling  (matched \"Skin needling\")\n")
        let json = try CommandRun.run("needle", ["suggest", "--json", "--limit", "1", "--socket", daemon.socketPath, "s"])
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(reply["ok"] as? Bool == true)
        #expect((reply["suggestions"] as? [[String: Any]])?.count == 1)
        let typo = try CommandRun.run("needle", ["suggest", "--socket", daemon.socketPath, "mirco"])
        #expect(typo.standardOutput.hasPrefix("Microneedling  (treatment)"))
        let nothing = try CommandRun.run("needle", ["suggest", "--socket", daemon.socketPath, "zzz"])
        #expect(nothing.status == 0)
        #expect(nothing.standardOutput == "no suggestions\n")
    }

    @Test func quickstartOnTheBundledCorpus() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let index = directory.file("needle.sqlite")
        let build = try CommandRun.run("needle", ["index", "--corpus", Self.bundledCorpus, "--out", index])
        #expect(build.status == 0)
        let daemon = try await DaemonProcess.start(index: index)
        defer { daemon.kill() }
        let pci = try CommandRun.run("needle", ["search", "--socket", daemon.socketPath, "PCI"])
        #expect(pci.status == 0)
        #expect(pci.standardOutput.hasPrefix("1. Microneedling  (treatment)"))
        let hostile = try CommandRun.run("needle", ["search", "--socket", daemon.socketPath, "dark-spots \"OR ("])
        #expect(hostile.status == 0)
        #expect(hostile.standardOutput.contains("Hyperpigmentation"))
        let json = try CommandRun.run("needle", ["search", "--json", "--socket", daemon.socketPath, "skin", "needling"])
        #expect(json.standardOutput.contains("\"slug\":\"microneedling\""))
        let inProcess = try CommandRun.run("needle", ["search", "--index", index, "--limit", "1", "percutaneous collagen induction"])
        #expect(inProcess.standardOutput.hasPrefix("1. Microneedling"))
        let ping = try CommandRun.run("needle", ["ping", "--socket", daemon.socketPath])
        #expect(ping.status == 0)
        let stats = try CommandRun.run("needle", ["stats", "--socket", daemon.socketPath])
        #expect(stats.standardOutput.contains("99 articles"))
    }
}
