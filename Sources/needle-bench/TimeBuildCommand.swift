import ArgumentParser
import Foundation
import NeedleBench

/// `needle-bench time-build`: runs an index builder and records its time, peak memory and output size.
struct TimeBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-build",
        abstract: "Run an index build command; record wall time, peak RSS (getrusage of the child) and index size.")

    @Option(help: "Name of the builder in the results (needle, needle-incremental, limitd).")
    var label: String

    @Option(help: "The index file the command writes.")
    var index: String

    @Option(help: "Append the record as a JSON line to this file.")
    var out: String?

    @Argument(parsing: .captureForPassthrough, help: "The build command and its arguments, after --.")
    var command: [String]

    func run() throws {
        let arguments = command.first == "--" ? Array(command.dropFirst()) : command
        guard let executable = arguments.first else { throw ValidationError("give the build command after --") }
        let child = try ChildProcess.run(executable, arguments: Array(arguments.dropFirst()))
        let attributes = try? FileManager.default.attributesOfItem(atPath: index)
        let record = BuildRecord(
            label: label, seconds: child.seconds, cpuSeconds: child.cpuSeconds, peakRSSKiB: child.peakRSSKiB,
            indexBytes: (attributes?[.size] as? Int) ?? 0, exitStatus: child.exitStatus)
        print(String(format: "%@ build: %.2f s (%.2f s CPU), peak RSS %.1f MiB, index %.1f MiB, exit %d", label, record.seconds, record.cpuSeconds,
                     Double(record.peakRSSKiB) / 1_024, Double(record.indexBytes) / 1_048_576, record.exitStatus))
        if let out { try JSONLines.append(record, to: out) }
        if child.exitStatus != 0 { throw ExitCode(child.exitStatus) }
    }
}
