import Foundation
import NeedleBench
import NeedleProtocol
import NeedleTesting
import Testing

/// Hostile input against a live daemon: every line gets exactly one well-formed answer,
/// valid requests still succeed, and the daemon's memory comes back down afterwards.
/// `needle-proof fuzz` (Tools/NeedleProof) runs the same generator with 100,000 inputs.
@Suite(.serialized) struct ProtocolFuzzTests {
    @Test func fiveThousandHostileLinesAreEachAnsweredOnce() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath)
        defer { daemon.kill() }
        let before = try #require(ProcessMemory.residentKiB(of: daemon.process.processIdentifier))
        var run = ProtocolFuzzRun(socketPath: daemon.socketPath, inputs: 5_000)
        run.seed = 5
        run.hugeLineEvery = 500
        let report = try await run.run()
        #expect(report.sent == 5_000)
        #expect(report.answered == report.sent, "\(report)")
        #expect(report.malformedResponses == 0, "\(report)")
        #expect(report.validButFailed == 0, "\(report)")
        #expect(report.errorCodes["internal"] == nil, "\(report)")
        #expect((report.families["huge-line"] ?? 0) > 0)
        let search = try Reply.object(try await daemon.request(.search(SearchRequest(query: "PCI"))))
        #expect(Reply.slugs(search).first == "microneedling")
        let after = try #require(ProcessMemory.residentKiB(of: daemon.process.processIdentifier))
        #expect(after - before < 64 * 1024, "RSS grew from \(before) KiB to \(after) KiB")
    }
}
