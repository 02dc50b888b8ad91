import ArgumentParser
import NeedleCorpus
import NeedleIndex

/// `needle index`: validate the corpus and build the index file atomically.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the search index from a corpus (atomically: the old index stays on any error).")

    @OptionGroup var corpusOptions: CorpusOptions

    @Option(help: "The index file to write.")
    var out = "Index/needle.sqlite"

    @Flag(help: "Do nothing when the index already matches the corpus (same digest and schema).")
    var ifChanged = false

    @Flag(help: "Rewrite every article instead of only those whose file changed since the last build.")
    var full = false

    func run() throws {
        if ifChanged, let meta = try? IndexVerification.verify(path: out).meta,
           meta.corpusDigest == ContentDigest.hex(CorpusLoader.digest(folder: corpusOptions.corpus)) {
            print("index is up to date: \(out) (\(meta.articles) articles)")
            return
        }
        let outcome: IndexBuilder.Outcome
        do {
            outcome = try IndexBuilder.build(from: corpusOptions.reader, to: out, mode: full ? .full : .incremental)
        } catch {
            printError("needle: \(error)")
            throw ExitCode.failure
        }
        for note in outcome.notes { printError("needle: \(note)") }
        try corpusOptions.report(outcome.diagnostics)
        if let summary = outcome.summary { print("\(summary) → \(out)") }
    }
}
