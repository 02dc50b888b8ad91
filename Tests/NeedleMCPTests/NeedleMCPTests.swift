import Foundation
import MCP
import NeedleTesting
import Testing

/// `needle mcp` end to end: a real MCP client session over stdio, against a real daemon.
@Suite(.serialized) struct NeedleMCPTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()

    @Test func listsToolsWithSchemasAndAnswersACitedAsk() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let session = try await MCPSession(arguments: ["--socket", daemon.socketPath])
        #expect(session.initialized.serverInfo.name == "needle")
        let (tools, _) = try await session.client.listTools()
        #expect(tools.map(\.name).sorted() == ["ask", "search", "suggest"])
        let ask = try #require(tools.first { $0.name == "ask" })
        #expect(ask.inputSchema.objectValue?["required"] == .array(["question"]))
        #expect(ask.inputSchema.objectValue?["properties"]?.objectValue?["limit"]?.objectValue?["type"] == "integer")

        let (content, isError) = try await session.client.callTool(
            name: "ask", arguments: ["question": "How long is skin red after microneedling?", "limit": 2])
        #expect(isError != true)
        let reply = try json(content)
        let answers = try #require(reply["answers"] as? [[String: Any]])
        #expect(answers.count == 2)
        #expect(answers[0]["slug"] as? String == "microneedling")
        #expect(answers[0]["title"] as? String == "Microneedling")
        #expect(answers[0]["section"] as? String == "Aftercare")
        #expect((answers[0]["confidence"] as? Double ?? 0) > 0.5)
        #expect(answers[0]["uri"] as? String == "needle://articles/microneedling")
        let interpreted = try #require(reply["interpreted_as"] as? [[String: Any]])
        #expect(interpreted.first?["concept"] as? String == "Microneedling")
        await session.close()
    }

    @Test func searchAndSuggestCarryCitations() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let session = try await MCPSession(arguments: ["--socket", daemon.socketPath])
        let (found, _) = try await session.client.callTool(name: "search", arguments: ["query": "PCI", "limit": 1])
        let hits = try #require(try json(found)["hits"] as? [[String: Any]])
        #expect(hits.count == 1 && hits[0]["slug"] as? String == "microneedling")
        let (named, _) = try await session.client.callTool(name: "suggest", arguments: ["prefix": "pc"])
        let suggestions = try #require(try json(named)["suggestions"] as? [[String: Any]])
        #expect(suggestions.first?["matched"] as? String == "PCI")
        let (bad, badIsError) = try await session.client.callTool(name: "ask", arguments: ["limit": 2])
        #expect(badIsError == true)
        #expect(text(bad).contains("'question'"))
        await session.close()
    }

    @Test func readsArticlesAsResources() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let session = try await MCPSession(arguments: ["--socket", daemon.socketPath])
        let (resources, _) = try await session.client.listResources()
        #expect(resources.count == CorpusFixture.standardArticles.count)
        #expect(resources.contains { $0.uri == "needle://articles/microneedling" && $0.title == "Microneedling" })
        let contents = try await session.client.readResource(uri: "needle://articles/microneedling")
        let markdown = try #require(contents.first?.text)
        #expect(markdown.hasPrefix("# Microneedling\n"))
        #expect(markdown.contains("\n## Aftercare\n"))
        #expect(contents.first?.mimeType == "text/markdown")
        await #expect(throws: MCPError.self) { try await session.client.readResource(uri: "needle://articles/no-such-article") }
        await session.close()
    }

    @Test func aDaemonThatIsDownIsAClearToolError() async throws {
        let directory = try TemporaryDirectory(prefix: "mcp")
        defer { directory.remove() }
        let session = try await MCPSession(arguments: ["--socket", directory.file("none.sock")])
        let (content, isError) = try await session.client.callTool(name: "ask", arguments: ["question": "does PCI hurt?"])
        #expect(isError == true)
        #expect(text(content).hasPrefix("the Needle daemon is not running: no daemon is listening on \(directory.file("none.sock"))"))
        await session.close()
    }

    private func text(_ content: [Tool.Content]) -> String {
        content.compactMap { if case .text(let text, _, _) = $0 { text } else { nil } }.joined()
    }

    private func json(_ content: [Tool.Content]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text(content).utf8)) as? [String: Any])
    }
}
