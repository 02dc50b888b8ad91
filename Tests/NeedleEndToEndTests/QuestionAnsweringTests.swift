import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// `ask`, filters, facets and explanations through a real daemon and the CLI.
@Suite(.serialized) struct QuestionAnsweringTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()

    @Test func needleAskPrintsTheAnsweringSection() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let run = try CommandRun.run("needle", ["ask", "--socket", daemon.socketPath, "How long is skin red after microneedling?"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("1. Microneedling — Aftercare  (confidence "))
        #expect(run.standardOutput.contains("red like a sunburn"))
        #expect(run.standardOutput.contains("asks about: recovery"))
    }

    @Test func needleAskReadsAnIndexFileWithoutADaemon() throws {
        let run = try CommandRun.run("needle", ["ask", "--index", Self.fixture.indexPath, "What are the side effects of botox?"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("1. Botulinum toxin injections — Risks and side effects"))
        let bad = try CommandRun.run("needle", ["ask", "--index", Self.fixture.indexPath, "--kind", "spaceship", "botox"])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("unknown kind 'spaceship'"))
    }

    @Test func belowTheMinimumConfidenceTheCLISuggestsArticles() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let run = try CommandRun.run("needle", ["ask", "--socket", daemon.socketPath, "--min-confidence", "0.99", "is sunscreen needed at night"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("no confident answer"))
        #expect(run.standardOutput.contains("Sunscreen (sunscreen)"))
        let json = try CommandRun.run("needle", ["ask", "--json", "--socket", daemon.socketPath, "--min-confidence", "0.99", "is sunscreen needed at night"])
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect((reply["answers"] as? [Any])?.isEmpty == true)
        #expect(((reply["suggestions"] as? [[String: Any]])?.first)?["slug"] as? String == "sunscreen")
    }

    @Test func searchExplainsAndCountsFacetsOnTheCommandLine() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let run = try CommandRun.run("needle", ["search", "--socket", daemon.socketPath, "--explain", "--facets", "dark spots"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("match: (\"dark spots\" OR \"dark spots\" OR"))
        #expect(run.standardOutput.contains("by kind: "))
        #expect(run.standardOutput.contains("read \"dark spots\" as"))
        let filtered = try CommandRun.run("needle", ["search", "--socket", daemon.socketPath, "--concern", "wrinkles", "botox"])
        #expect(filtered.standardOutput.hasPrefix("1. Botulinum toxin injections"))
    }

    @Test func aBadAskGetsAnErrorAndTheConnectionGoesOn() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let replies = try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            try await connection.send(Array(#"{"id":1,"op":"ask","q":"x","min_confidence":7}"#.utf8) + [0x0a])
            try await connection.send(Request(id: .int(2), operation: .ask(AskRequest(question: "Does botox hurt?"))))
            return [try await connection.nextLine() ?? "", try await connection.nextLine() ?? ""]
        }
        #expect(replies[0].contains(#""code":"bad_request""#))
        #expect(replies[1].contains(#""id":2"#) && replies[1].contains(#""slug":"botulinum-toxin""#))
    }
}
