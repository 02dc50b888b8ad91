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

    static let index: SearchIndex = {
        let directory = try! TemporaryDirectory(prefix: "needle-bundled")
        let path = directory.file("needle.sqlite")
        _ = try! IndexBuilder.build(CorpusLoader.load(folder: corpusPath).corpus!, to: path)
        return try! SearchIndex.open(path: path, readers: 2)
    }()
}
