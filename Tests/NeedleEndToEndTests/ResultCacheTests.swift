import Foundation
import NeedleProtocol
import NeedleTesting
import Testing

/// The result cache: repeated requests are answered from memory, counted in `stats`, and
/// forgotten when the index is reloaded.
@Suite(.serialized) struct ResultCacheTests {
    private func cacheStats(_ daemon: DaemonProcess) async throws -> [String: Any] {
        let stats = try Reply.object(try await daemon.request(.stats))
        return try #require(stats["result_cache"] as? [String: Any])
    }

    /// A reply line without its `id` and `took_us`, the parts a cached answer changes.
    private func withoutIdAndTime(_ line: String) -> String {
        line.replacingOccurrences(of: #""(id|took_us)":[0-9]+,?"#, with: "", options: .regularExpression)
    }

    @Test func aRepeatedRequestIsAHitWithTheSameAnswer() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        let search = NeedleProtocol.Operation.search(SearchRequest(query: "PCI"))
        let first = try await daemon.request(search, id: .int(1))
        let second = try await daemon.request(search, id: .int(2))
        #expect(try Reply.object(second)["id"] as? Int == 2, "the cached answer carries the new request's id")
        #expect(withoutIdAndTime(first) == withoutIdAndTime(second))
        _ = try await daemon.request(.search(SearchRequest(query: "PCI", limit: 1)))
        _ = try await daemon.request(.ask(AskRequest(question: "how long is skin red after microneedling?")))
        _ = try await daemon.request(.ask(AskRequest(question: "how long is skin red after microneedling?")))
        let cache = try await cacheStats(daemon)
        #expect(cache["hits"] as? Int == 2, "the second PCI search and the second question")
        #expect(cache["misses"] as? Int == 3, "another limit is another request")
        #expect(cache["entries"] as? Int == 3)
        #expect(cache["hit_rate"] as? Double == 0.4)
    }

    @Test func aReloadForgetsEveryAnswer() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { daemon.kill() }
        let search = NeedleProtocol.Operation.search(SearchRequest(query: "botox"))
        _ = try await daemon.request(search)
        _ = try await daemon.request(.reload)
        #expect(try await cacheStats(daemon)["entries"] as? Int == 0)
        _ = try await daemon.request(search)
        let cache = try await cacheStats(daemon)
        #expect(cache["misses"] as? Int == 2, "the answer of the old index was not reused")
        #expect(cache["hits"] as? Int == 0)
    }

    @Test func capacityZeroTurnsTheCacheOff() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: ["--result-cache", "0"])
        defer { daemon.kill() }
        let search = NeedleProtocol.Operation.search(SearchRequest(query: "botox"))
        _ = try await daemon.request(search)
        _ = try await daemon.request(search)
        let cache = try await cacheStats(daemon)
        #expect(cache["capacity"] as? Int == 0)
        #expect(cache["hits"] as? Int == 0 && cache["misses"] as? Int == 0 && cache["entries"] as? Int == 0)
    }
}
