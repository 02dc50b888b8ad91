import ArgumentParser

/// `needle`: build and check indexes, and query a running daemon.
@main
struct Needle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needle",
        abstract: "Full-text search over skincare knowledge.",
        subcommands: [
            IndexCommand.self, CheckCommand.self, SearchCommand.self, SuggestCommand.self, AskCommand.self, PingCommand.self, StatsCommand.self, ReloadCommand.self, MCPCommand.self,
        ])
}
