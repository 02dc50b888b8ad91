import MCP
import NeedleClient

/// An MCP server over standard input and output that answers with a running `needled`.
///
/// ```swift
/// try await NeedleMCPServer(client: NeedleClient(socketPath: "/run/user/1000/needle.sock")).run()
/// ```
/// Tools: ``NeedleTools``; resources: ``ArticleResources``.
public struct NeedleMCPServer: Sendable {
    let tools: NeedleTools
    let resources: ArticleResources

    /// A server for the daemon behind `client`; `indexPath`, when given, is where articles are read.
    public init(client: NeedleClient, indexPath: String? = nil) {
        self.tools = NeedleTools(client: client)
        self.resources = ArticleResources(client: client, indexPath: indexPath)
    }

    /// Serves one client on standard input and output until it disconnects.
    public func run() async throws {
        let server = Server(
            name: "needle", version: "1.0.0",
            instructions: "Skincare knowledge base. Use `ask` for questions (answers carry a confidence; cite the "
                + "article and section), `search` to find articles, and read needle://articles/<slug> for a whole article.",
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await register(on: server)
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }

    private func register(on server: Server) async {
        let tools = tools
        let resources = resources
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: NeedleTools.tools) }
        await server.withMethodHandler(CallTool.self) { params in await tools.call(params.name, arguments: params.arguments) }
        await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: try await resources.list()) }
        await server.withMethodHandler(ReadResource.self) { params in try await resources.read(uri: params.uri) }
    }
}
