import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// Limits that protect the daemon: connections, idle time, request deadline.
@Suite(.serialized) struct LimitsTests {
    @Test func aConnectionOverTheLimitGetsOneErrorLineAndIsClosed() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: ["--max-connections", "2"])
        defer { daemon.kill() }
        try await NeedleConnection.with(socketPath: daemon.socketPath) { first in
            _ = try await first.request(Request(id: .int(1), operation: .ping))
            try await NeedleConnection.with(socketPath: daemon.socketPath) { second in
                _ = try await second.request(Request(id: .int(2), operation: .ping))
                try await NeedleConnection.with(socketPath: daemon.socketPath) { third in
                    let refusal = try Reply.object(try #require(try await third.nextLine()))
                    #expect(Reply.errorCode(refusal) == "too_many_connections")
                    #expect(try await third.nextLine() == nil)
                }
                #expect(try Reply.object(try await second.request(Request(id: .int(3), operation: .ping)))["ok"] as? Bool == true)
            }
        }
        let stats = try Reply.object(try await daemon.request(.stats))
        #expect(stats["connections_refused"] as? Int == 1)
    }

    @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: ["--idle-timeout", "0.3"])
        defer { daemon.kill() }
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            let line = try #require(try await connection.nextLine())
            #expect(Reply.errorCode(try Reply.object(line)) == "idle_timeout")
            #expect(try await connection.nextLine() == nil)
        }
    }

    /// Many long articles that all share a vocabulary, so that a query of many of its words
    /// ranks every article and highlights a full page: a search that takes far longer than 1 ms.
    private static func heavyCorpus() throws -> CorpusFixture {
        var articles: [String: String] = [:]
        for number in 0..<600 {
            let words = (0..<400).map { Self.vocabulary[($0 * 7 + number * 13) % Self.vocabulary.count] }
            let sections = stride(from: 0, to: words.count, by: 50).map { "## Part \($0)\n" + words[$0..<$0 + 50].joined(separator: " ") + "." }
            articles["article-\(number)"] = CorpusFixture.article(title: "Article \(number)", body: sections.joined(separator: "\n"))
        }
        return try CorpusFixture(articles: articles)
    }

    private static let vocabulary = [
        "skin", "acne", "scar", "peel", "laser", "serum", "cream", "pore", "redness", "collagen", "retinol", "spot",
        "texture", "tone", "oil", "dry", "barrier", "sun", "filter", "wrinkle", "line", "glow", "calm", "repair",
        "needle", "session", "heal", "layer", "acid", "vitamin", "gentle", "night", "morning", "patch", "test", "mild",
    ]

    @Test func aRequestOverTheDeadlineIsInterruptedAndAnsweredWithTimeout() async throws {
        let fixture = try Self.heavyCorpus()
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath, extraArguments: ["--request-timeout", "0.001"])
        defer { daemon.kill() }
        let query = Self.vocabulary.prefix(32).joined(separator: " ")
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            let request = Request(id: .int(7), operation: .search(SearchRequest(query: query, limit: 100)))
            let reply = try Reply.object(try await connection.request(request))
            #expect(Reply.errorCode(reply) == "timeout")
            #expect(reply["id"] as? Int == 7)
            #expect(try Reply.object(try await connection.request(Request(id: .int(8), operation: .ping)))["ok"] as? Bool == true)
        }
        let stats = try Reply.object(try await daemon.request(.stats))
        let search = (stats["ops"] as? [String: Any])?["search"] as? [String: Any]
        #expect(search?["errors"] as? Int == 1)
    }

    /// Under `ulimit -n 128` and the default `--max-connections`, every connection is either
    /// served or refused with `too_many_connections`; none is left waiting, and the log says
    /// the limit was lowered.
    @Test func connectionsPastTheFileLimitAreRefusedNotLeftWaiting() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = directory.file("needled.log")
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, logPath: log, fileLimit: 128)
        defer { daemon.kill() }
        let sockets = try (0..<160).map { _ in try RawSocket(path: daemon.socketPath) }
        var answers: [String: Int] = [:]
        for socket in sockets {
            socket.write(Array(#"{"id":1,"op":"ping"}"#.utf8) + [0x0a])
            let line = socket.readLine(timeout: 10).flatMap { try? Reply.object($0) }
            let answer = line.map { Reply.errorCode($0) ?? "ok" } ?? "no answer"
            answers[answer, default: 0] += 1
        }
        #expect(answers["no answer"] == nil)
        #expect(answers["ok", default: 0] > 0)
        #expect(answers["too_many_connections", default: 0] > 0)
        let logged = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logged.contains("the file limit leaves room for fewer connections"))
    }

    /// One "word" of 13,000 hyphenated parts (a 65 KB line) costs no more than a short query:
    /// while four of them run, a ping on a new connection is answered at once.
    @Test func aHugeSingleTokenQueryDoesNotHoldUpOtherConnections() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: ["--request-timeout", "0.5"])
        defer { daemon.kill() }
        let word = Array(repeating: "skin", count: 13_000).joined(separator: "-")
        let sockets = try (0..<4).map { _ in try RawSocket(path: daemon.socketPath) }
        for (number, socket) in sockets.enumerated() {
            let operation: NeedleProtocol.Operation = number % 2 == 0
                ? .search(SearchRequest(query: word)) : .ask(AskRequest(question: word))
            socket.write(Request(id: .int(Int64(number)), operation: operation).encodedLine())
        }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try Reply.object(try await daemon.request(.ping))["ok"] as? Bool == true)
        // A liveness bound, not a speed measure: a ping waits for no search.
        #expect(clock.now - start < .seconds(5))
        for socket in sockets {
            let reply = try Reply.object(try #require(socket.readLine(timeout: 30)))
            #expect(reply["ok"] as? Bool == true || Reply.errorCode(reply) == "timeout")
        }
    }
}
