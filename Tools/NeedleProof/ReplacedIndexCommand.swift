import ArgumentParser
import Foundation
import NeedleCorpus
import NeedleIndex
import NeedleProtocol
import NeedleTesting

/// `needle-proof replaced-index`: clients query while another index is renamed over the
/// served file, then while the file is deleted, without a reload. Every answer must still
/// come from the index the daemon verified, and `stats` must describe it.
///
/// ```
/// needle-proof replaced-index --corpus Corpus --clients 8 --seconds 5
/// ```
struct ReplacedIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replaced-index", abstract: "Replace, then delete, the served index file under load and count wrong answers.")

    @Option(help: "The corpus to index.")
    var corpus = "Corpus"

    @Option(help: "Clients querying back to back.")
    var clients = 8

    @Option(help: "Seconds of load after each change.")
    var seconds = 5.0

    @Option(help: "Queries the clients cycle through; their first hit must never change.")
    var query: [String] = ["PCI", "dark spots", "botox", "acne scars", "sunscreen", "skin"]

    func run() async throws {
        let loaded = CorpusLoader.load(folder: corpus)
        guard let full = loaded.corpus, let first = full.articles.first else { throw ValidationError("the corpus has errors; run: needle check") }
        let directory = try TemporaryDirectory(prefix: "needle-proof")
        defer { directory.remove() }
        let indexPath = directory.file("needle.sqlite")
        _ = try IndexBuilder.build(full, to: indexPath)
        var other = full
        other.articles = [first]
        _ = try IndexBuilder.build(other, to: directory.file("other.sqlite"))
        let daemon = try await DaemonProcess.start(index: indexPath, extraArguments: ["--readers", String(clients)])
        defer { daemon.kill() }
        let expected = try await ExpectedAnswers.firstSlugs(query, daemon: daemon)
        var failed = false
        for (change, apply) in [("renamed another index over it", { rename(directory.file("other.sqlite"), indexPath) }),
                                ("deleted it", { unlink(indexPath) })] {
            guard apply() == 0 else { throw ValidationError("could not change \(indexPath): \(String(cString: strerror(errno)))") }
            let stop = Flag()
            async let load = QueryLoad.run(socketPath: daemon.socketPath, clients: clients, expected: expected, until: stop)
            try await Task.sleep(for: .seconds(seconds))
            stop.set()
            let result = try await load
            let stats = ExpectedAnswers.object(try await daemon.request(.stats))
            let articles = (stats["index"] as? [String: Any])?["articles"] as? Int ?? -1
            print("\(change): \(result.requests) requests from \(clients) clients, wrong or failed \(result.failures.count); stats: \(articles) articles (served: \(full.articles.count))")
            for failure in result.failures.prefix(3) { print("  \(failure)") }
            failed = failed || !result.failures.isEmpty || articles != full.articles.count
        }
        if failed { throw ExitCode.failure }
    }
}
