import Foundation
import GRDB
import NeedleClient
import NeedleIndex
import NeedleProtocol
import NeedleTesting
import Testing

/// Hot reload: by op, SIGHUP and file watch; bad indexes refused; no request lost under load.
@Suite(.serialized) struct ReloadTests {
    private static let retinol = CorpusFixture.article(title: "Retinol", kind: "ingredient", body: "Vitamin A for skin.")

    /// Builds the fixture's corpus into a new file beside the index, then renames it over the index.
    private func publish(_ fixture: CorpusFixture) throws {
        let next = fixture.directory.file("next.sqlite")
        _ = try IndexBuilder.build(try fixture.load(), to: next)
        guard rename(next, fixture.indexPath) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    @Test func twentyReloadsUnderLoadLoseNoRequest() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath)
        defer { daemon.kill() }
        let expected = ["PCI": "microneedling", "botox": "botulinum-toxin", "sunblock": "sunscreen", "age spots": "hyperpigmentation"]
        let done = Flag()
        async let load = QueryLoad.run(socketPath: daemon.socketPath, clients: 4, expected: expected, until: done)
        var articleCounts: [Int] = []
        for round in 0..<20 {
            if round % 2 == 0 {
                try fixture.write(Self.retinol, to: "articles/retinol.md")
            } else {
                try FileManager.default.removeItem(atPath: fixture.corpusPath + "/articles/retinol.md")
            }
            try publish(fixture)
            let reply = try Reply.object(try await daemon.request(.reload))
            #expect(reply["ok"] as? Bool == true)
            articleCounts.append((reply["index"] as? [String: Any])?["articles"] as? Int ?? -1)
        }
        done.set()
        let result = try await load
        #expect(articleCounts == (0..<20).map { $0 % 2 == 0 ? 6 : 5 })
        #expect(result.requests > 0)
        #expect(result.failures == [])
        let stats = try Reply.object(try await daemon.request(.stats))
        #expect(stats["reloads"] as? Int == 20)
    }

    @Test func aBrokenIndexIsRefusedAndTheOldOneKeepsServing() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath)
        defer { daemon.kill() }
        let broken: [(String, Data?)] = [
            ("not a database", Data("this is not an index".utf8)),
            ("missing", nil),
            ("empty database", Data()),
        ]
        for (name, contents) in broken {
            try? FileManager.default.removeItem(atPath: fixture.indexPath)
            if let contents { try contents.write(to: URL(fileURLWithPath: fixture.indexPath)) }
            let reply = try Reply.object(try await daemon.request(.reload))
            #expect(reply["ok"] as? Bool == false, "\(name)")
            #expect(Reply.errorCode(reply) == "internal", "\(name)")
            let search = try Reply.object(try await daemon.request(.search(SearchRequest(query: "PCI"))))
            #expect(Reply.slugs(search).first == "microneedling", "\(name)")
        }
        let stats = try Reply.object(try await daemon.request(.stats))
        #expect(stats["reload_failures"] as? Int == broken.count)
        #expect(stats["reloads"] as? Int == 0)
    }

    @Test func anIndexWhoseMetaDisagreesWithItsTablesIsRefused() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath)
        defer { daemon.kill() }
        let tampered = fixture.directory.file("tampered.sqlite")
        try FileManager.default.copyItem(atPath: fixture.indexPath, toPath: tampered)
        try await DatabaseQueue(path: tampered).write { db in
            try db.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'articles'")
        }
        #expect(rename(tampered, fixture.indexPath) == 0)
        let reply = try Reply.object(try await daemon.request(.reload))
        #expect(Reply.errorCode(reply) == "internal")
        #expect((reply["error"] as? [String: Any])?["message"] as? String ?? "" == "\(fixture.indexPath): meta says 99 articles but the index holds 5; rebuild it with: needle index --full --out \(fixture.indexPath)")
    }

    /// The daemon holds the file it verified: without a reload, neither another index renamed
    /// over the path nor deleting the path changes or breaks an answer, even on reader
    /// connections opened afterwards, and `stats` reports the index being served.
    @Test func theServedIndexIsTheOneVerifiedWhateverHappensAtItsPath() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath, extraArguments: ["--readers", "8"])
        defer { daemon.kill() }
        let other = try CorpusFixture(articles: ["retinol": Self.retinol])
        defer { other.remove() }
        let otherIndex = try other.buildIndex()
        #expect(rename(otherIndex, fixture.indexPath) == 0)
        #expect(try await concurrentFirstHits("PCI", daemon: daemon) == Array(repeating: "microneedling", count: 40))
        #expect(unlink(fixture.indexPath) == 0)
        #expect(try await concurrentFirstHits("PCI", daemon: daemon) == Array(repeating: "microneedling", count: 40))
        let stats = try Reply.object(try await daemon.request(.stats))
        #expect((stats["index"] as? [String: Any])?["articles"] as? Int == 5)
    }

    /// The first hit (or error code) of `query` sent by 8 clients at once, 5 times each.
    private func concurrentFirstHits(_ query: String, daemon: DaemonProcess) async throws -> [String] {
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
                        var answers: [String] = []
                        for id in 0..<5 {
                            let reply = try Reply.object(try await connection.request(
                                Request(id: .int(Int64(id)), operation: .search(SearchRequest(query: query)))))
                            answers.append(Reply.slugs(reply).first ?? Reply.errorCode(reply) ?? "no hit")
                        }
                        return answers
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test func sigHupReloadsTheIndex() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath)
        defer { daemon.kill() }
        try fixture.write(Self.retinol, to: "articles/retinol.md")
        try publish(fixture)
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(try await eventuallyFinds("retinol", daemon: daemon))
        #expect(daemon.process.isRunning)
    }

    @Test func watchReloadsWhenTheFileIsReplaced() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath, extraArguments: ["--watch"])
        defer { daemon.kill() }
        try fixture.write(Self.retinol, to: "articles/retinol.md")
        try publish(fixture)
        #expect(try await eventuallyFinds("retinol", daemon: daemon))
    }

    /// Polls for up to 20 s until a search for `slug` finds it.
    private func eventuallyFinds(_ slug: String, daemon: DaemonProcess) async throws -> Bool {
        for _ in 0..<200 {
            let reply = try Reply.object(try await daemon.request(.search(SearchRequest(query: slug))))
            if Reply.slugs(reply) == [slug] { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
