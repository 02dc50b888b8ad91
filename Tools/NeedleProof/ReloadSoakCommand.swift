import ArgumentParser
import Foundation
import NeedleBench
import NeedleCorpus
import NeedleIndex
import NeedleProtocol
import NeedleTesting

/// `needle-proof reload`: clients query a live `needled` back to back while the corpus is
/// rebuilt into a new file, renamed over the index and reloaded, again and again. Every
/// answer must match the one given before the first reload.
///
/// ```
/// swift run needle-proof reload --corpus Corpus --reloads 200
/// ```
struct ReloadSoakCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Reload the index many times under query load and count wrong answers.")

    @Option(help: "The corpus to index.")
    var corpus = "Corpus"

    @Option(help: "How many times to rebuild and reload.")
    var reloads = 200

    @Option(help: "Clients querying back to back.")
    var clients = 4

    @Option(help: "Queries the clients cycle through; their first hit must never change.")
    var query: [String] = ["PCI", "dark spots", "botox", "acne scars", "sunscreen", "retin-a"]

    func run() async throws {
        let loaded = CorpusLoader.load(folder: corpus)
        guard let corpus = loaded.corpus else { throw ValidationError("the corpus has errors; run: needle check") }
        let directory = try TemporaryDirectory(prefix: "needle-proof")
        defer { directory.remove() }
        let indexPath = directory.file("needle.sqlite")
        _ = try IndexBuilder.build(corpus, to: indexPath)
        let daemon = try await DaemonProcess.start(index: indexPath)
        defer { daemon.kill() }
        let expected = try await ExpectedAnswers.firstSlugs(query, daemon: daemon)
        let before = ProcessMemory.residentKiB(of: daemon.process.processIdentifier) ?? 0
        let stop = Flag()
        async let load = QueryLoad.run(socketPath: daemon.socketPath, clients: clients, expected: expected, until: stop)
        var refused = 0
        for _ in 0..<reloads {
            _ = try IndexBuilder.build(corpus, to: directory.file("next.sqlite"))
            guard rename(directory.file("next.sqlite"), indexPath) == 0 else { throw CocoaError(.fileWriteUnknown) }
            if !(try await daemon.request(.reload)).contains(#""ok":true"#) { refused += 1 }
        }
        stop.set()
        let result = try await load
        let after = ProcessMemory.residentKiB(of: daemon.process.processIdentifier) ?? 0
        print("reloads \(reloads) (refused \(refused)), clients \(clients), requests \(result.requests), wrong or failed \(result.failures.count)")
        print("RSS before \(before) KiB, after \(after) KiB")
        for failure in result.failures.prefix(5) { print("  \(failure)") }
        if refused > 0 || !result.failures.isEmpty { throw ExitCode.failure }
    }
}
