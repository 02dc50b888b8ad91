import ArgumentParser
import Foundation
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

    @Option(help: "How many input lines to send.")
    var inputs = 100_000

    @Option(help: "Seed of the input generator (the same seed sends the same input).")
    var seed: UInt64 = 1

    @Option(help: "Concurrent connections.")
    var connections = 4

    @Option(help: "One input in this many is a line over a megabyte.")
    var hugeLineEvery = 1000

    @Option(help: "Write the daemon's log (warnings and errors) to this file.")
    var daemonLog: String?

    func run() async throws {
        let daemon = try await DaemonProcess.start(
            index: index, extraArguments: daemonLog == nil ? [] : ["--log-level", "info"], logPath: daemonLog)
        defer { daemon.kill() }
        let pid = daemon.process.processIdentifier
        let before = ProcessMemory.residentKilobytes(pid: pid) ?? 0
        var run = ProtocolFuzzRun(socketPath: daemon.socketPath, inputs: inputs)
        run.seed = seed
        run.connections = connections
        run.hugeLineEvery = hugeLineEvery
        let clock = ContinuousClock()
        let start = clock.now
        let report = try await run.run()
        let elapsed = clock.now - start
        let peak = ProcessMemory.residentKilobytes(pid: pid) ?? 0
        try await Task.sleep(for: .seconds(2))
        let after = ProcessMemory.residentKilobytes(pid: pid) ?? 0
        print(report)
        guard daemon.process.isRunning else {
            print("the daemon died: status \(daemon.process.terminationStatus) (\(daemon.process.terminationReason == .uncaughtSignal ? "signal" : "exit"))")
            throw ExitCode.failure
        }
        let check = try await daemon.request(.search(SearchRequest(query: "PCI", limit: 1)))
        let stillCorrect = check.contains(#""slug":"microneedling""#)
        print("time \(elapsed), RSS before \(before) KiB, right after \(peak) KiB, 2 s later \(after) KiB")
        print("after the run, search 'PCI' -> microneedling: \(stillCorrect)")
        let failed = report.answered != report.sent || report.malformedResponses > 0 || report.validButFailed > 0 || !stillCorrect
        if failed { throw ExitCode.failure }
    }
}
