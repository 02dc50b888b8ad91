import ArgumentParser
import Foundation
import NeedleCorpus

/// Options shared by the commands that read a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The corpus folder (articles/ and synonyms.txt).")
    var corpus = "Corpus"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    /// Loads the corpus, printing every diagnostic to standard error; exits non-zero on errors.
    func load() throws -> Corpus {
        let result = CorpusLoader.load(folder: corpus, strict: strict)
        try report(result.diagnostics)
        guard let loaded = result.corpus else { throw ExitCode.failure }
        return loaded
    }

    /// A reader that streams the corpus one article at a time.
    var reader: CorpusReader { CorpusReader(folder: corpus, strict: strict) }

    /// Prints every diagnostic to standard error; exits non-zero when one is an error.
    func report(_ diagnostics: [Diagnostic]) throws {
        for diagnostic in diagnostics { printError(diagnostic.description) }
        guard diagnostics.containsErrors else { return }
        let errors = diagnostics.filter { $0.severity == .error }.count
        printError("needle: \(errors) error\(errors == 1 ? "" : "s") in \(corpus); nothing was written")
        throw ExitCode.failure
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
