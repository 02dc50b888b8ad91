import Foundation
import NeedleCorpus
import NeedleIndex

/// A small corpus written to a temporary folder, for tests.
///
/// ```swift
/// let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: "botox, botulinum toxin\n")
/// let index = try fixture.buildIndex()
/// defer { fixture.remove() }
/// ```
public struct CorpusFixture: Sendable {
    public let directory: TemporaryDirectory
    public var corpusPath: String { directory.file("corpus") }
    public var indexPath: String { directory.file("index/needle.sqlite") }

    /// Writes `articles` (slug → file text) and `synonyms` into `corpus/` of a new temporary folder.
    public init(articles: [String: String], synonyms: String = "") throws {
        directory = try TemporaryDirectory(prefix: "needle-corpus")
        let articlesPath = (directory.file("corpus") as NSString).appendingPathComponent("articles")
        try FileManager.default.createDirectory(atPath: articlesPath, withIntermediateDirectories: true)
        for (slug, text) in articles {
            try write(text, to: "articles/\(slug).md")
        }
        try write(synonyms, to: "synonyms.txt")
    }

    /// Writes (or overwrites) a file inside the corpus folder.
    public func write(_ text: String, to relativePath: String) throws {
        let path = (corpusPath as NSString).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Loads and validates the corpus; throws when it has errors.
    public func load() throws -> Corpus {
        let result = CorpusLoader.load(folder: corpusPath)
        guard let corpus = result.corpus else { throw FixtureError.invalidCorpus(result.diagnostics.map(\.description)) }
        return corpus
    }

    /// Builds the index at ``indexPath`` and returns its path.
    @discardableResult
    public func buildIndex() throws -> String {
        _ = try IndexBuilder.build(try load(), to: indexPath)
        return indexPath
    }

    public func remove() { directory.remove() }

    /// The text of an article file with the given front matter fields and body.
    public static func article(
        title: String, kind: String = "treatment", aliases: [String] = [], concerns: [String] = [],
        summary: String? = nil, body: String
    ) -> String {
        var lines = ["---", "title: \(title)", "kind: \(kind)"]
        if !aliases.isEmpty { lines.append("aliases: [\(aliases.joined(separator: ", "))]") }
        if !concerns.isEmpty { lines.append("concerns: [\(concerns.joined(separator: ", "))]") }
        if let summary { lines.append("summary: \(summary)") }
        lines += ["---", body]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A handful of short articles that exercise names, synonyms, sections and kinds.
    public static let standardArticles: [String: String] = [
        "microneedling": article(
            title: "Microneedling",
            aliases: ["Percutaneous collagen induction", "PCI", "Collagen induction therapy", "CIT", "Skin needling"],
            concerns: ["acne scars", "enlarged pores"],
            summary: "Fine needles prompt the skin to make collagen.",
            body: """
                Microneedling uses a pen or roller with fine needles to make tiny injuries that prompt repair.
                ## Benefits
                Microneedling can soften acne scars and improve texture over several sessions.
                ## Aftercare
                Skin is red like a sunburn for about two days after microneedling.
                ## FAQ
                ### Can microneedling be done at home?
                Yes, with a derma roller, but a professional is safer.
                """),
        "chemical-peel": article(
            title: "Chemical peel", aliases: ["Chem peel"], concerns: ["dull skin", "dark spots"],
            body: """
                A chemical peel applies an acid that removes the outer layers of skin.
                ## How it works
                The acid loosens dead cells; deeper peels also treat acne scars a little.
                ## Recovery and downtime
                Peeling lasts from a few days to two weeks.
                """),
        "hyperpigmentation": article(
            title: "Hyperpigmentation", kind: "concern", aliases: ["Skin discoloration"], concerns: ["dark spots"],
            body: """
                Hyperpigmentation is skin that has turned darker than its surroundings.
                ## Causes
                Sun exposure, hormones and inflammation after pimples raise melanin.
                ## Treatments
                Sunscreen, azelaic acid and a chemical peel can fade it.
                """),
        "botulinum-toxin": article(
            title: "Botulinum toxin injections", aliases: ["Botulinum toxin"], concerns: ["wrinkles"],
            body: """
                Botulinum toxin relaxes the muscles that crease the skin.
                ## Risks and side effects
                Bruising and a drooping eyelid can happen.
                """),
        "sunscreen": article(
            title: "Sunscreen", kind: "ingredient", aliases: ["SPF"], concerns: ["sun damage"],
            body: """
                Sunscreen filters ultraviolet light and prevents dark spots from returning.
                ## How to use it
                Apply a generous layer every morning, after microneedling too.
                """),
    ]

    /// Synonyms for ``standardArticles``: an equivalence group, a one-way rule, a multi-word term.
    public static let standardSynonyms = """
        # fixture synonyms
        botox, dysport => botulinum toxin
        dark spots, age spots, hyperpigmentation
        sunblock, sun block => sunscreen
        """
}

/// Why a fixture could not be prepared.
public enum FixtureError: Error, CustomStringConvertible {
    case invalidCorpus([String])

    public var description: String {
        switch self {
        case .invalidCorpus(let problems): return "fixture corpus is invalid:\n" + problems.joined(separator: "\n")
        }
    }
}
