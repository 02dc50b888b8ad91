import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// The typed client against a real daemon serving the standard fixture.
@Suite struct NeedleClientTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()

    @Test func searchSuggestAndAskReturnTypedResults() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let needle = NeedleClient(socketPath: daemon.socketPath)
        let hits = try await needle.search("skin needling", limit: 2)
        #expect(hits.hits.first?.slug == "microneedling")
        #expect(hits.interpretedAs.first?.concept == "Microneedling")
        let filtered = try await needle.search(SearchRequest(query: "dark spots", kind: "concern"))
        #expect(!filtered.hits.isEmpty && filtered.hits.allSatisfy { $0.kind == "concern" })
        let names = try await needle.suggest("pc")
        #expect(names.suggestions.first?.matched == "PCI")
        let reply = try await needle.ask("How long is skin red after microneedling?")
        #expect(reply.answers.first?.title == "Microneedling")
        #expect((reply.answers.first?.confidence ?? 0) > 0.5)
    }

    @Test func pingStatsReloadAndMetrics() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let needle = NeedleClient(socketPath: daemon.socketPath)
        try await needle.ping()
        let stats = try await needle.stats()
        #expect(stats.index.meta.articles == CorpusFixture.standardArticles.count)
        let reloaded = try await needle.reload()
        #expect(reloaded.path == stats.index.path)
        #expect(try await needle.metrics().contains("needle_reloads_total 1"))
    }

    @Test func aRefusedRequestThrowsItsProtocolCode() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let needle = NeedleClient(socketPath: daemon.socketPath)
        do {
            _ = try await needle.ask("acne", minimumConfidence: 2)
            Issue.record("an out-of-range min_confidence was accepted")
        } catch ClientError.daemon(let code, let message) {
            #expect(code == "bad_request")
            #expect(message.contains("min_confidence"))
        }
    }

    @Test func noDaemonNamesTheSocket() async throws {
        let directory = try TemporaryDirectory(prefix: "client")
        defer { directory.remove() }
        let path = directory.file("none.sock")
        await #expect(throws: ClientError.noDaemon(socketPath: path)) {
            try await NeedleClient(socketPath: path).ping()
        }
    }

    @Test func decodingAReplyOfTheWrongShapeIsABadReply() throws {
        #expect {
            try NeedleClient.decode(SearchResult.self, from: #"{"id":1,"ok":true}"#)
        } throws: { error in
            if case ClientError.badReply(let reason) = error { return reason.contains("took_us") }
            return false
        }
    }
}
