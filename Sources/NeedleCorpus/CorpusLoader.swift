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
/// slugs are errors; a name shared by two articles is a warning).
public enum CorpusLoader {
    /// The outcome of loading: diagnostics always, a corpus only when there is no error.
    public struct Result: Sendable {
        public var corpus: Corpus?
        public var diagnostics: [Diagnostic]
    }

    /// Loads and validates the corpus in `folder`. With `strict`, warnings count as errors.
    public static func load(folder: String, strict: Bool = false) -> Result {
        var diagnostics: [Diagnostic] = []
        var digest = ContentDigest()
        let articlesFolder = (folder as NSString).appendingPathComponent("articles")
        let files = articleFiles(in: articlesFolder, folder: folder, into: &diagnostics)
        var articles: [Article] = []
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
                diagnostics.append(Diagnostic(.error, path: file.path, line: 1, "cannot read file"))
                continue
            }
            digest.add(file.relativePath)
            digest.add(bytes)
            if let article = ArticleParser.parse(bytes, slug: file.slug, path: file.path, into: &diagnostics) {
                articles.append(article)
            }
        }
        let synonymsPath = (folder as NSString).appendingPathComponent("synonyms.txt")
        let synonyms = loadSynonyms(path: synonymsPath, digest: &digest, into: &diagnostics)
        diagnostics += CorpusValidator.crossArticleProblems(articles)
        if strict { diagnostics = diagnostics.map(\.escalated) }
        let corpus = diagnostics.containsErrors ? nil : Corpus(articles: articles, synonyms: synonyms, digest: digest.value)
        return Result(corpus: corpus, diagnostics: diagnostics)
    }

    /// The corpus digest alone, without parsing: for deciding whether an index is stale.
    public static func digest(folder: String) -> UInt64 {
        var ignored: [Diagnostic] = []
        var digest = ContentDigest()
        for file in articleFiles(in: (folder as NSString).appendingPathComponent("articles"), folder: folder, into: &ignored) {
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

    private struct ArticleFile {
        var path: String
        var relativePath: String
        var slug: String
    }

    /// Every `.md` file below `articlesFolder`, sorted by relative path so digests are stable.
    private static func articleFiles(in articlesFolder: String, folder: String, into diagnostics: inout [Diagnostic]) -> [ArticleFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articlesFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(.error, path: folder, line: 1, "no articles folder: expected \(articlesFolder)/<slug>.md"))
            return []
        }
        let relativePaths = (FileManager.default.enumerator(atPath: articlesFolder)?.allObjects as? [String]) ?? []
        return relativePaths.filter { $0.hasSuffix(".md") }.sorted().map { relative in
            let name = (relative as NSString).lastPathComponent
            return ArticleFile(
                path: (articlesFolder as NSString).appendingPathComponent(relative),
                relativePath: relative, slug: String(name.dropLast(3)))
        }
    }

    private static func loadSynonyms(path: String, digest: inout ContentDigest, into diagnostics: inout [Diagnostic]) -> [SynonymRule] {
        guard let bytes = FileManager.default.contents(atPath: path) else { return [] }
        digest.add("synonyms.txt")
        digest.add(bytes)
        guard let text = String(validating: Array(bytes), as: UTF8.self) else {
            diagnostics.append(Diagnostic(.error, path: path, line: 1, "invalid UTF-8: save the file as UTF-8"))
            return []
        }
        return SynonymFileParser.parse(text, path: path, into: &diagnostics)
    }
}
