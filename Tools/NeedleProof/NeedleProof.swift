import ArgumentParser

/// `needle-proof`: runs `needled` through the ordeals of docs/reliability.md and prints the figures.
@main
struct NeedleProof: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needle-proof",
        abstract: "Prove needled under hostile input and hot reloads; prints the figures for docs/reliability.md.",
        subcommands: [
            FuzzCommand.self, ReloadSoakCommand.self, KillBuildCommand.self, FullDiskCommand.self, ReplacedIndexCommand.self,
            HugeQueryCommand.self, SocketTakeoverCommand.self, FileLimitCommand.self,
        ])
}
