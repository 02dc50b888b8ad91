import ArgumentParser

/// `needle check`: validate the corpus without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the corpus and report every problem as path:line: message.")

    @OptionGroup var corpusOptions: CorpusOptions

    func run() throws {
        let corpus = try corpusOptions.load()
        print("\(corpusOptions.corpus): \(corpus.articles.count) articles, \(corpus.synonyms.count) synonym rules: OK")
    }
}
