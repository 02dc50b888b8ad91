import ArgumentParser
import Foundation
import NeedleCorpus
import NeedleIndex
import NeedleTesting

/// `needle-proof kill-build`: kills `needle index --full` at points spread over a build and
/// checks, after each kill, that the index at the target verifies and holds the same corpus
/// (the old file, or the new one when the kill came after its rename); then that the next
/// build removes the temporary files the kills left.
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
        let before = try IndexVerification.verify(path: out).meta
        var intact = 0
        var replaced = 0
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
            // Whole (verified) and of the same corpus: the old index, or the new one when the
            // kill came after its rename.
            guard let meta = try? IndexVerification.verify(path: out).meta, meta.corpusDigest == before.corpusDigest else { continue }
            intact += 1
            if meta != before { replaced += 1 }
        }
        let litter = try leftovers(in: directory.path)
        let next = try CommandRun.run("needle", ["index", "--corpus", corpus, "--out", out])
        let after = try leftovers(in: directory.path)
        print("build time \(buildTime); killed \(kills) builds; index whole after \(intact) of \(kills) (\(intact - replaced) the old one, \(replaced) the new one, the kill coming after its rename)")
        print("temporary files left by the kills: \(litter.count); after the next build: \(after.count) (exit \(next.status))")
        for line in next.standardError.split(separator: "\n").prefix(3) { print("  \(line)") }
        if intact != kills || !after.isEmpty || next.status != 0 { throw ExitCode.failure }
    }

    private func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
    }
}
