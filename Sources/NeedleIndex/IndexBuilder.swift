import Foundation
import GRDB
import NeedleCorpus

/// Builds an index file from a validated corpus, atomically.
///
/// The index is written to a temporary file beside the target (`<out>.tmp-<pid>`),
/// closed, flushed to disk and then renamed over the target. A build that fails or is
/// killed never leaves a broken or half-written index at `out`: readers see the old
/// file or the new one, never a mix.
///
/// ```swift
/// let summary = try IndexBuilder.build(corpus, to: "Index/needle.sqlite")
/// print(summary) // indexed 55 articles, 612 passages, 96 synonym rules in 0.21 s
/// ```
public enum IndexBuilder {
    /// What a build produced.
    public struct Summary: Sendable, CustomStringConvertible {
        public var meta: IndexMeta
        public var seconds: Double

        public var description: String {
            let time = String(format: "%.2f", seconds)
            return "indexed \(meta.articles) articles, \(meta.passages) passages, \(meta.synonyms) synonym rules in \(time) s"
        }
    }

    public static func build(_ corpus: Corpus, to out: String) throws -> Summary {
        let start = Date()
        let directory = (out as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw IndexError.cannotWrite(path: out, reason: "cannot create folder \(directory): \(reason(error))")
            }
        }
        let temporary = "\(out).tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            let meta = try write(corpus, to: temporary)
            try publish(temporary, as: out)
            return Summary(meta: meta, seconds: Date().timeIntervalSince(start))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error is IndexError ? error : IndexError.cannotWrite(path: out, reason: reason(error))
        }
    }

    private static func write(_ corpus: Corpus, to path: String) throws -> IndexMeta {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A temporary file that is discarded on failure needs no journal.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let meta = try queue.write { db in
            try IndexSchema.create(db)
            var writer = try RowWriter(db)
            for article in corpus.articles { try writer.insert(article) }
            for rule in corpus.synonyms { try writer.insert(rule) }
            try db.execute(sql: "INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
            try db.execute(sql: "INSERT INTO passages_fts(passages_fts) VALUES ('optimize')")
            let meta = IndexMeta(
                schemaVersion: IndexSchema.version, corpusDigest: ContentDigest.hex(corpus.digest),
                builtAt: ISO8601DateFormatter().string(from: Date()), articles: corpus.articles.count,
                passages: writer.passageCount, synonyms: corpus.synonyms.count)
            try meta.write(db)
            return meta
        }
        try queue.close()
        return meta
    }

    /// A short reason: the POSIX message behind a Foundation error, or the error itself.
    private static func reason(_ error: Error) -> String {
        let underlying = (error as? CocoaError)?.underlying ?? (error as NSError).userInfo[NSUnderlyingErrorKey] as? Error
        if let underlying, (underlying as NSError).domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32((underlying as NSError).code)))
        }
        return "\(error)"
    }

    /// Flushes the finished file and renames it over `out`.
    private static func publish(_ temporary: String, as out: String) throws {
        try sync(path: temporary)
        guard rename(temporary, out) == 0 else {
            throw IndexError.cannotWrite(path: out, reason: String(cString: strerror(errno)))
        }
        let directory = (out as NSString).deletingLastPathComponent
        try? sync(path: directory.isEmpty ? "." : directory)
    }

    private static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw IndexError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        fsync(descriptor)
    }
}

/// Inserts articles, passages, names and synonym terms with cached statements.
private struct RowWriter {
    let db: Database
    private(set) var passageCount = 0
    private var articleID: Int64 = 0

    init(_ db: Database) throws { self.db = db }

    mutating func insert(_ article: Article) throws {
        articleID += 1
        let first = Int64(passageCount + 1)
        let last = Int64(passageCount + article.passages.count)
        try db.cachedStatement(sql: "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
            articleID, article.slug, article.title, article.kind.rawValue, article.summary, article.path,
            ContentDigest.hex(article.digest), first, last,
        ])
        try db.cachedStatement(sql: "INSERT INTO articles_fts (rowid, title, aliases, concerns, headings, body) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [
                articleID, article.title, article.aliases.joined(separator: "\n"), article.concerns.joined(separator: "\n"),
                article.headings.joined(separator: "\n"), article.bodyText,
            ])
        for (ordinal, passage) in article.passages.enumerated() {
            passageCount += 1
            try db.cachedStatement(sql: "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
                passageCount, articleID, ordinal, passage.heading, passage.parent, passage.level, passage.text,
            ])
            try db.cachedStatement(sql: "INSERT INTO passages_fts (rowid, heading, text) VALUES (?, ?, ?)")
                .execute(arguments: [passageCount, passage.heading ?? "", passage.text])
        }
        let names = [("title", article.title)] + article.aliases.map { ("alias", $0) } + article.concerns.map { ("concern", $0) }
        for (role, name) in names {
            try db.cachedStatement(sql: "INSERT INTO names VALUES (?, ?, ?)").execute(arguments: [articleID, role, name])
        }
    }

    func insert(_ rule: SynonymRule) throws {
        let sides = rule.terms.map { ("term", $0) } + rule.targets.map { ("target", $0) }
        for (side, term) in sides {
            try db.cachedStatement(sql: "INSERT INTO synonym_terms VALUES (?, ?, ?, ?)")
                .execute(arguments: [rule.line, rule.form.rawValue, side, term])
        }
    }
}
