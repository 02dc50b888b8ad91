import Foundation

/// Reads a corpus folder (`articles/**/*.md` and `synonyms.txt`) and validates it as a whole.
///
/// ```swift
/// let result = CorpusLoader.load(folder: "Corpus")
/// for d in result.diagnostics { print(d) }
/// if let corpus = result.corpus { … }   // nil when there are errors
/// ```
/// Every problem is reported, not only the first: per-file problems from
/// ``ArticleParser`` and ``SynonymFileParser``, then corpus-wide ones (duplicate
/// slugs are errors; a name shared by two articles is a warning). To index a large
/// corpus without holding it, use ``CorpusReader``.
public enum CorpusLoader {
    /// The outcome of loading: diagnostics always, a corpus only when there is no error.
    public struct Result: Sendable {
        public var corpus: Corpus?
        public var diagnostics: [Diagnostic]
    }

    /// Loads and validates the corpus in `folder`. With `strict`, warnings count as errors.
    public static func load(folder: String, strict: Bool = false) -> Result {
        var articles: [Article] = []
        let outcome = CorpusReader(folder: folder, strict: strict).read { articles.append($0) }
        let corpus = outcome.diagnostics.containsErrors
            ? nil : Corpus(articles: articles, synonyms: outcome.synonyms, digest: outcome.digest)
        return Result(corpus: corpus, diagnostics: outcome.diagnostics)
    }

    /// The corpus digest alone, without parsing: for deciding whether an index is stale.
    public static func digest(folder: String) -> UInt64 {
        var ignored: [Diagnostic] = []
        var digest = ContentDigest()
        for file in CorpusFiles.articles(in: folder, into: &ignored) {
            digest.add(file.relativePath)
            digest.add(FileManager.default.contents(atPath: file.path) ?? Data())
        }
        let synonymsPath = (folder as NSString).appendingPathComponent("synonyms.txt")
        if let bytes = FileManager.default.contents(atPath: synonymsPath) {
            digest.add("synonyms.txt")
            digest.add(bytes)
        }
        return digest.value
    }
}
