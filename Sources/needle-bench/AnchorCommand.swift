import ArgumentParser
import Foundation
import NeedleBench

/// `needle-bench anchor`: runs an engine in-process through the perf kit's `pybench.py`
/// (tantivy-py by default) over a query file, one run per client count, and records each
/// as a search cell, so the report sets Needle's figures beside it.
struct AnchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Run an in-process engine with pybench.py and record its figures as search cells.")

    @Option(help: "The Python that has the engine installed (a venv's bin/python).")
    var python: String

    @Option(help: "The perf kit's pybench.py.")
    var pybench: String

    @Option(help: "pybench's engine.")
    var engine = "tantivy"

    @Option(help: "The engine's index, built with `pybench.py build`.")
    var index: String

    @Option(help: "Name of the engine in the results.")
    var label = "tantivy-py"

    /// One run per client count: pybench's threads at 1 client, forked processes above.
    @OptionGroup var runs: RunOptions

    func run() throws {
        for count in runs.clientCounts {
            let line = try PyBenchLine.decode(try output(clients: count))
            let cell = line.cell(label: label)
            print(LoadCommand.summary(cell))
            if let out = runs.out { try JSONLines.append(cell, to: out) }
        }
    }

    /// pybench's standard output for one run; its standard error passes through.
    private func output(clients: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            pybench, "query", "--engine", engine, "--index", index, "--queries", runs.queries,
            "--threads", String(clients), "--duration", String(runs.seconds), "--warmup", String(runs.warmUp),
        ] + (clients > 1 ? ["--par", "process"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError.unreadable(path: pybench, reason: "exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
