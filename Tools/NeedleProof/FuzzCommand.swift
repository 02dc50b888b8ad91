import ArgumentParser
import Foundation
import NeedleBench
import NeedleClient
import NeedleProtocol
import NeedleTesting

/// `needle-proof fuzz`: starts `needled` on an index, sends it generated hostile input
/// (``ProtocolFuzzer``) and reports what came back and what the daemon's memory did.
///
/// ```
/// swift run needle-proof fuzz --index Index/needle.sqlite --inputs 100000
/// ```
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz", abstract: "Fuzz a live needled with hostile protocol input and report the figures.")

    @Option(help: "The index the daemon serves.")
    var index = "Index/needle.sqlite"

    @Option(help: "How many input lines to send (per round).")
    var inputs = 100_000

    @Option(help: "Seed of the input generator (the same seed sends the same input).")
    var seed: UInt64 = 1

    @Option(help: "Concurrent connections.")
    var connections = 4

    @Option(help: "One input in this many is a line over a megabyte.")
    var hugeLineEvery = 1000

    @Option(help: "Write the daemon's log (warnings and errors) to this file.")
    var daemonLog: String?

    @Option(help: "Runs of --inputs each against the same daemon (new seeds each run), to tell warm-up from growth.")
    var rounds = 1

    func run() async throws {
        let daemon = try await DaemonProcess.start(
            index: index, extraArguments: daemonLog == nil ? [] : ["--log-level", "info"], logPath: daemonLog)
        defer { daemon.kill() }
        let pid = daemon.process.processIdentifier
        print("RSS at start \(ProcessMemory.residentKiB(of: pid) ?? 0) KiB")
        var failed = false
        for round in 0..<rounds {
            failed = try await fuzz(daemon, seed: seed &+ UInt64(round * connections), round: round + 1) || failed
        }
        if failed { throw ExitCode.failure }
    }

    /// One run of `inputs` lines; prints its figures and returns true when anything went wrong.
    private func fuzz(_ daemon: DaemonProcess, seed: UInt64, round: Int) async throws -> Bool {
        let pid = daemon.process.processIdentifier
        var run = ProtocolFuzzRun(socketPath: daemon.socketPath, inputs: inputs)
        run.seed = seed
        run.connections = connections
        run.hugeLineEvery = hugeLineEvery
        let clock = ContinuousClock()
        let start = clock.now
        let report = try await run.run()
        let elapsed = clock.now - start
        try await Task.sleep(for: .seconds(2))
        print("round \(round), seed \(seed): \(report)")
        guard daemon.process.isRunning else {
            print("the daemon died: status \(daemon.process.terminationStatus) (\(daemon.process.terminationReason == .uncaughtSignal ? "signal" : "exit"))")
            return true
        }
        let check = try await daemon.request(.search(SearchRequest(query: "PCI", limit: 1)))
        let stillCorrect = check.contains(#""slug":"microneedling""#)
        print("time \(elapsed), RSS 2 s after the round \(ProcessMemory.residentKiB(of: pid) ?? 0) KiB")
        print("after the round, search 'PCI' -> microneedling: \(stillCorrect)")
        return report.answered != report.sent || report.malformedResponses > 0 || report.validButFailed > 0 || !stillCorrect
    }
}
