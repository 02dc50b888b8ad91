import ArgumentParser

/// `needle-bench`: the benchmark's load driver, build timer and report writer.
/// `Tools/bench` runs them in order; each also works on its own.
@main
struct NeedleBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needle-bench",
        abstract: "Measure a Needle daemon (and limitd, the floor) under closed-loop load.",
        subcommands: [LoadCommand.self, AnchorCommand.self, TookCommand.self, TimeBuildCommand.self, ReportCommand.self, GatewayCommand.self])
}
