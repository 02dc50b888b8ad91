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

    func run() throws {
        if ifChanged, let meta = IndexMeta.read(path: out),
           meta.corpusDigest == ContentDigest.hex(CorpusLoader.digest(folder: corpusOptions.corpus)) {
            print("index is up to date: \(out) (\(meta.articles) articles)")
            return
        }
        let corpus = try corpusOptions.load()
        do {
            let summary = try IndexBuilder.build(corpus, to: out)
            print("\(summary) → \(out)")
        } catch {
            printError("needle: \(error)")
            throw ExitCode.failure
        }
    }
}
