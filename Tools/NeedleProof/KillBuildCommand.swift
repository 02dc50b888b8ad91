import ArgumentParser
import Foundation
import NeedleCorpus
import NeedleIndex
import NeedleTesting

/// `needle-proof kill-build`: kills `needle index --full` at points spread over a build and
/// checks, after each kill, that the index at the target still verifies and is the one
/// built before; then that the next build removes the temporary files the kills left.
///
/// ```
/// needle-proof kill-build --corpus Corpus --kills 23
/// ```
struct KillBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kill-build", abstract: "Kill index builds at many points; the index must stay whole and the litter must go.")

    @Option(help: "The corpus to index.")
    var corpus = "Corpus"

    @Option(help: "How many builds to kill, at points spread evenly over one build's time.")
    var kills = 23

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-proof")
        defer { directory.remove() }
        let out = directory.file("needle.sqlite")
        let arguments = ["index", "--full", "--corpus", corpus, "--out", out]
        let clock = ContinuousClock()
        let start = clock.now
        guard try CommandRun.run("needle", arguments).status == 0 else { throw ValidationError("the corpus does not build; run: needle check") }
        let buildTime = clock.now - start
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        var intact = 0
        for kill in 0..<kills {
            let build = Process()
            build.executableURL = URL(fileURLWithPath: ProductsDirectory.executable("needle"))
            build.arguments = arguments
            build.standardOutput = FileHandle.nullDevice
            build.standardError = FileHandle.nullDevice
            try build.run()
            try await Task.sleep(for: buildTime * ((Double(kill) + 0.5) / Double(kills)))
            Foundation.kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let verified = (try? IndexVerification.verify(path: out)) != nil
            let same = (try? Data(contentsOf: URL(fileURLWithPath: out))) == before
            if verified && (same || build.terminationReason == .exit) { intact += 1 }
        }
        let litter = try leftovers(in: directory.path)
        let next = try CommandRun.run("needle", ["index", "--corpus", corpus, "--out", out])
        let after = try leftovers(in: directory.path)
        print("build time \(buildTime); killed \(kills) builds; index verified and unchanged after \(intact) of \(kills)")
        print("temporary files left by the kills: \(litter.count); after the next build: \(after.count) (exit \(next.status))")
        for line in next.standardError.split(separator: "\n").prefix(3) { print("  \(line)") }
        if intact != kills || !after.isEmpty || next.status != 0 { throw ExitCode.failure }
    }

    private func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
    }
}
