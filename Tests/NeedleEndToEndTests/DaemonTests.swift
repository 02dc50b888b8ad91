import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// A real `needled` process on a temporary socket, over a fixture index.
@Suite(.serialized) struct DaemonTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()

    private func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    private func slugs(_ reply: [String: Any]) -> [String] {
        ((reply["hits"] as? [[String: Any]]) ?? []).compactMap { $0["slug"] as? String }
    }

    @Test func answersPingSearchAndStats() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        #expect(try json(try await daemon.request(.ping))["ok"] as? Bool == true)
        let search = try json(try await daemon.request(.search(SearchRequest(query: "PCI")), id: .int(42)))
        #expect(search["id"] as? Int == 42)
        #expect(slugs(search).first == "microneedling")
        let stats = try json(try await daemon.request(.stats))
        #expect((stats["requests"] as? Int ?? 0) >= 2)
        #expect((stats["index"] as? [String: Any])?["articles"] as? Int == 5)
        #expect(stats["uptime_s"] is Double)
    }

    @Test func numericIDsAreEchoedByteForByte() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let socket = try RawSocket(path: daemon.socketPath)
        for id in ["12345678901234567890", "-0", "1.0"] {
            socket.write(Array(#"{"id":\#(id),"op":"search","q":"PCI"}"#.utf8) + [0x0a])
            let reply = try #require(socket.readLine(timeout: 10))
            #expect(reply.hasPrefix(#"{"#) && reply.contains(#""id":\#(id),"#), "\(reply)")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let queries = ["PCI", "botox", "sunblock", "age spots", "sunburn"]
        let ids = try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            var burst: [UInt8] = []
            for id in 0..<100 {
                let operation: NeedleProtocol.Operation = id % 3 == 0 ? .ping : .search(SearchRequest(query: queries[id % queries.count]))
                burst += Request(id: .int(Int64(id)), operation: operation).encodedLine()
            }
            try await connection.send(burst)
            var ids: [Int] = []
            for _ in 0..<100 {
                let line = try #require(try await connection.nextLine())
                let reply = try json(line)
                #expect(reply["ok"] as? Bool == true)
                ids.append(reply["id"] as? Int ?? -1)
            }
            return ids
        }
        #expect(ids == Array(0..<100))
    }

    @Test func concurrentClientsAllGetCorrectAnswers() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let expected = ["PCI": "microneedling", "botox": "botulinum-toxin", "sunblock": "sunscreen", "age spots": "hyperpigmentation"]
        let wrong = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in 0..<8 {
                group.addTask {
                    try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
                        var wrong = 0
                        for round in 0..<25 {
                            let (query, slug) = Array(expected)[(client + round) % expected.count]
                            let line = try await connection.request(Request(id: .int(Int64(round)), operation: .search(SearchRequest(query: query))))
                            let reply = try json(line)
                            if slugs(reply).first != slug || reply["id"] as? Int != round { wrong += 1 }
                        }
                        return wrong
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(wrong == 0)
    }

    @Test func malformedLinesGetErrorsAndTheConnectionStaysUsable() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let bad: [([UInt8], String)] = [
            (Array("not json\n".utf8), "bad_json"),
            (Array("[1]\n".utf8), "bad_request"),
            (Array("{\"id\":1}\n".utf8), "bad_request"),
            (Array("{\"id\":2,\"op\":\"fly\"}\n".utf8), "unknown_op"),
            (Array("{\"id\":3,\"op\":\"search\",\"q\":[]}\n".utf8), "bad_request"),
            ([0x7b, 0xff, 0x7d, 0x0a], "bad_utf8"),
            (Array(repeating: UInt8(ascii: "x"), count: 70_000) + [0x0a], "line_too_long"),
            (Array("{\"id\":4,\"op\":\"search\",\"q\":\"x\",\"filter\":{\"kind\":\"cream\"}}\n".utf8), "bad_request"),
        ]
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            for (bytes, code) in bad {
                try await connection.send(bytes)
                let reply = try json(try #require(try await connection.nextLine()))
                #expect(reply["ok"] as? Bool == false)
                #expect((reply["error"] as? [String: Any])?["code"] as? String == code)
                let pong = try json(try await connection.request(Request(id: .int(99), operation: .ping)))
                #expect(pong["id"] as? Int == 99)
            }
        }
    }

    @Test func anEndlessLineIsDroppedWithoutBufferingIt() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
            for _ in 0..<16 { try await connection.send(chunk) }
            let reply = try json(try #require(try await connection.nextLine()))
            #expect((reply["error"] as? [String: Any])?["code"] as? String == "line_too_long")
            try await connection.send([0x0a])
            let pong = try json(try await connection.request(Request(id: .int(5), operation: .ping)))
            #expect(pong["ok"] as? Bool == true)
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsCleanlyAndRemovesTheSocket(signal: Int32) async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        #expect(FileManager.default.fileExists(atPath: daemon.socketPath))
        kill(daemon.process.processIdentifier, signal)
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
    }

    @Test func requestsReadBeforeShutdownAreAnswered() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            var burst: [UInt8] = []
            for id in 0..<200 { burst += Request(id: .int(Int64(id)), operation: .search(SearchRequest(query: "acne scars"))).encodedLine() }
            try await connection.send(burst)
            let first = try json(try #require(try await connection.nextLine()))
            #expect(first["id"] as? Int == 0)
            kill(daemon.process.processIdentifier, SIGTERM)
            var answered = 1
            while let line = try await connection.nextLine() {
                #expect(try json(line)["ok"] as? Bool == true)
                answered += 1
            }
            #expect(answered == 200)
        }
        daemon.process.waitUntilExit()
        #expect(daemon.process.terminationStatus == 0)
    }

    @Test func refusesToStartWhenADaemonAlreadyAnswers() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let second = try CommandRun.run("needled", ["--index", Self.fixture.indexPath, "--socket", daemon.socketPath] + DaemonProcess.rootArguments)
        #expect(second.status != 0)
        #expect(second.standardError.contains("another daemon is listening there"))
        #expect(try json(try await daemon.request(.ping))["ok"] as? Bool == true)
    }

    @Test func replacesAStaleSocketFileAndSetsItsMode() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("stale.sock")
        let first = try await DaemonProcess.start(index: Self.fixture.indexPath, socketPath: path)
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: path), "a killed daemon leaves its socket file")
        let second = try await DaemonProcess.start(index: Self.fixture.indexPath, socketPath: path)
        defer { second.kill() }
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o660)
    }

    @Test func takesTheSocketModeFromTheCommandLine() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath, extraArguments: ["--socket-mode", "0600"])
        defer { daemon.kill() }
        let attributes = try FileManager.default.attributesOfItem(atPath: daemon.socketPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func refusesAPathThatIsNotASocket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("file.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let run = try CommandRun.run("needled", ["--index", Self.fixture.indexPath, "--socket", path] + DaemonProcess.rootArguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains("is not a socket"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func reloadServesARebuiltIndex() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let daemon = try await DaemonProcess.start(index: fixture.indexPath)
        defer { daemon.kill() }
        #expect(slugs(try json(try await daemon.request(.search(SearchRequest(query: "retinol"))))).isEmpty)
        try fixture.write(CorpusFixture.article(title: "Retinol", kind: "ingredient", body: "Vitamin A for skin."), to: "articles/retinol.md")
        try fixture.buildIndex()
        let reload = try json(try await daemon.request(.reload))
        #expect((reload["index"] as? [String: Any])?["articles"] as? Int == 6)
        #expect(slugs(try json(try await daemon.request(.search(SearchRequest(query: "retinol"))))) == ["retinol"])
    }

    @Test func aMissingIndexStopsTheDaemonWithAMessage() throws {
        let run = try CommandRun.run(
            "needled", ["--index", "/nonexistent/needle.sqlite", "--socket", "/tmp/needle-none.sock"] + DaemonProcess.rootArguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains("no such index; build it with: needle index"))
    }
}
