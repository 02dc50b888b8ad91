import ArgumentParser
import NeedleClient
import NeedleMCP

/// `needle mcp`: an MCP server on standard input and output, for agents built on language models.
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the daemon's search, ask and suggest as MCP tools over standard input and output.",
        discussion: """
            Tools: ask (question), search (query), suggest (prefix), each with an optional limit.
            Resources: needle://articles/<slug>, each article as Markdown, read from the index file the daemon serves.
            Example MCP client configuration: {"command": "needle", "args": ["mcp", "--socket", "/run/user/1000/needle.sock"]}
            """)

    @Option(help: "The daemon's socket (default: $NEEDLE_SOCKET, else $XDG_RUNTIME_DIR/needle.sock, else /tmp/needle-$UID/needle.sock).")
    var socket: String?

    @Option(help: "Read articles from this index file (default: the path the daemon reports in stats).")
    var index: String?

    func run() async throws {
        let client = socket.map { NeedleClient(socketPath: $0) } ?? NeedleClient()
        try await NeedleMCPServer(client: client, indexPath: index).run()
    }
}
