import Foundation

/// Reads a corpus folder one article at a time, so a corpus of any size can be
/// indexed without holding it in memory.
///
/// Articles come in sorted path order, each already parsed and checked against the
/// articles before it; an article with errors is reported and skipped. Per-file
/// diagnostics come first, then the cross-article ones (duplicate slugs, shared
/// names, and, when the folder has a `facts.yaml`, shared facts stated differently:
/// see ``FactFileParser``), as ``CorpusLoader`` reports them. Files are read and parsed on a thread
/// of their own, so parsing overlaps with whatever the caller does with each article.
///
/// ```swift
/// let outcome = CorpusReader(folder: "Corpus").read { article in try writer.insert(article) }
/// if outcome.diagnostics.containsErrors { … }   // throw the work away
/// ```
public struct CorpusReader: Sendable {
    public var folder: String
    /// Treat warnings as errors.
    public var strict: Bool

    public init(folder: String, strict: Bool = false) {
        self.folder = folder
        self.strict = strict
    }

    /// What reading produced besides the articles.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var synonyms: [SynonymRule]
        /// The corpus digest (see ``Corpus/digest``).
        public var digest: UInt64
        /// Articles handed to the caller.
        public var articles: Int

        public init(diagnostics: [Diagnostic], synonyms: [SynonymRule], digest: UInt64, articles: Int) {
            self.diagnostics = diagnostics
            self.synonyms = synonyms
            self.digest = digest
            self.articles = articles
        }
    }

    /// Parses every article and hands each valid one to `body`, then reads `synonyms.txt`.
    ///
    /// Files are read and parsed on a second thread while `body` runs on the calling
    /// thread, at most ``parsedAhead`` articles ahead of it; `body` still sees the
    /// articles one at a time, in corpus order. When `body` throws, parsing stops and
    /// the error is rethrown.
    ///
    /// - Parameter isUnchanged: given a slug and the digest of its file's bytes, whether
    ///   that very file is already indexed. Such an article is handed on without passages
    ///   (see ``ArticleParser``), which saves most of the parsing in an incremental build.
    ///   It is called on the parsing thread.
    public func read(
        isUnchanged: @escaping @Sendable (String, UInt64) -> Bool = { _, _ in false }, _ body: (Article) throws -> Void
    ) rethrows -> Outcome {
        let handoff = Handoff<Article, Outcome>(capacity: Self.parsedAhead)
        let reader = self
        Thread.detachNewThread {
            handoff.finish(reader.parse(isUnchanged: isUnchanged, send: handoff.send))
        }
        while true {
            switch handoff.receive() {
            case .element(let article):
                do {
                    try body(article)
                } catch {
                    handoff.cancel()
                    throw error
                }
            case .finished(let outcome):
                return outcome
            }
        }
    }

    /// How many parsed articles may wait for the consumer: enough to ride out an uneven
    /// file, few enough that memory stays flat (articles are a few KiB each).
    static let parsedAhead = 64

    /// Reads and checks every article in corpus order and hands each valid one to `send`,
    /// stopping early when `send` returns `false`; then reads the synonyms.
    private func parse(isUnchanged: (String, UInt64) -> Bool, send: (Article) -> Bool) -> Outcome {
        var diagnostics: [Diagnostic] = []
        var crossArticle: [Diagnostic] = []
        var validator = CorpusValidator()
        var factChecker = readFacts(into: &diagnostics)
        var digest = ContentDigest()
        var count = 0
        for file in CorpusFiles.articles(in: folder, into: &diagnostics) {
            guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
                diagnostics.append(Diagnostic(.error, path: file.path, line: 1, "cannot read file"))
                continue
            }
            digest.add(file.relativePath)
            digest.add(bytes)
            let known = isUnchanged(file.slug, ContentDigest.of(bytes))
            guard let article = ArticleParser.parse(bytes, slug: file.slug, path: file.path, skippingBody: known, into: &diagnostics),
                  validator.check(article, into: &crossArticle)
            else { continue }
            factChecker?.check(article, text: String(decoding: bytes, as: UTF8.self), into: &crossArticle)
            guard send(article) else { break }
            count += 1
        }
        let synonyms = readSynonyms(digest: &digest, into: &diagnostics)
        factChecker?.finish(into: &crossArticle)
        diagnostics += crossArticle
        if strict { diagnostics = diagnostics.map(\.escalated) }
        return Outcome(diagnostics: diagnostics, synonyms: synonyms, digest: digest.value, articles: count)
    }

    /// The checker for `facts.yaml`, or `nil` when the corpus has none: only a corpus that
    /// keeps its shared facts is checked for stating them alike.
    private func readFacts(into diagnostics: inout [Diagnostic]) -> FactChecker? {
        let path = (folder as NSString).appendingPathComponent("facts.yaml")
        guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(validating: Array(bytes), as: UTF8.self) else {
            diagnostics.append(Diagnostic(.error, path: path, line: 1, "invalid UTF-8: save the file as UTF-8"))
            return nil
        }
        return FactChecker(facts: FactFileParser.parse(text, path: path, into: &diagnostics))
    }

    private func readSynonyms(digest: inout ContentDigest, into diagnostics: inout [Diagnostic]) -> [SynonymRule] {
        let path = (folder as NSString).appendingPathComponent("synonyms.txt")
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
