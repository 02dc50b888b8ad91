import Foundation
import NeedleCorpus
import NeedleIndex
import NeedleSearch
import NeedleTesting

/// The bundled `Corpus/`, indexed once for all suites of this target that need real articles.
enum BundledIndex {
    static let corpusPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    static let index = make()

    /// A new index of the bundled corpus with a pool of its own: a suite that holds readers
    /// in long synchronous loops must not share its readers with suites that read
    /// asynchronously, whose reads need a thread of the same small pool to finish.
    static func make() -> SearchIndex {
        let directory = try! TemporaryDirectory(prefix: "needle-bundled")
        let path = directory.file("needle.sqlite")
        _ = try! IndexBuilder.build(CorpusLoader.load(folder: corpusPath).corpus!, to: path)
        return try! SearchIndex.open(path: path, readers: 2)
    }
}
