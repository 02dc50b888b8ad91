import Foundation
import GRDB
import NeedleCorpus
import NeedleProtocol

/// Writes one index file in place: the schema when the file is new, then the corpus's
/// articles and synonyms in one transaction, then the row counts and meta.
///
/// A full build indexes passages on a second connection (``ScratchPassageIndex``) and
/// copies that `passages_fts` in before the counts are checked; an incremental build
/// writes everything on one connection.
enum IndexFile {
    /// The diagnostics of the corpus and, when it had no errors, the meta written and the changes made.
    struct Written {
        var diagnostics: [Diagnostic]
        var result: (IndexMeta, IndexChanges)?
    }

    /// The connection settings of a file being built.
    static func configuration() -> Configuration {
        var configuration = Configuration()
        // `passages` and `names` reference `articles` but have no index a foreign key check
        // could use: with checks on, removing one article scans every passage. The writer
        // keeps the references itself and the row counts are checked before publishing.
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            // A temporary file that is discarded on failure needs no journal. A large page
            // cache keeps the B-trees of the FTS5 segments being merged in memory.
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
        }
        return configuration
    }

    static func write(_ source: IndexSource, to path: String, createSchema: Bool) throws -> Written {
        let queue = try DatabaseQueue(path: path, configuration: configuration())
        let scratch = createSchema ? try ScratchPassageIndex(beside: path) : nil
        defer { scratch?.remove() }
        let written: Written
        do {
            written = try queue.writeWithoutTransaction { db in try write(source, to: db, createSchema: createSchema, scratch: scratch) }
        } catch {
            scratch?.abandon()
            throw error
        }
        try queue.close()
        return written
    }

    private static func write(_ source: IndexSource, to db: Database, createSchema: Bool, scratch: ScratchPassageIndex?) throws -> Written {
        var loaded: (outcome: CorpusReader.Outcome, changes: IndexChanges)?
        try db.inTransaction {
            if createSchema {
                try IndexSchema.create(db)
                try FTS5Loading.begin(db, tables: ["articles_fts"])
            }
            var update = try IndexUpdate(db, existing: createSchema ? [:] : try IndexUpdate.existingArticles(db), scratch: scratch)
            let outcome = try source.read(update.isUnchanged, { try update.apply($0) })
            if !outcome.diagnostics.containsErrors {
                try update.finish(synonyms: outcome.synonyms)
                if createSchema {
                    try FTS5Loading.finish(db, tables: ["articles_fts"])
                } else {
                    try FTS5Loading.merge(db, tables: ["articles_fts"])
                }
            }
            loaded = (outcome, update.changes)
            return .commit
        }
        guard let loaded, !loaded.outcome.diagnostics.containsErrors else {
            scratch?.abandon()
            return Written(diagnostics: loaded?.outcome.diagnostics ?? [])
        }
        if let scratch {
            try scratch.finish()
            try scratch.copy(into: db)
        }
        let outcome = loaded.outcome
        var meta: IndexMeta?
        try db.inTransaction {
            try TermTable.rebuild(db)
            try PhraseTable.rebuild(db)
            let passages = try IndexUpdate.verify(db, articles: outcome.articles)
            meta = IndexMeta(
                schemaVersion: IndexSchema.version, corpusDigest: ContentDigest.hex(outcome.digest),
                builtAt: ISO8601DateFormatter().string(from: Date()), articles: outcome.articles,
                passages: passages, synonyms: outcome.synonyms.count)
            try db.execute(sql: "DELETE FROM meta")
            try meta?.write(db)
            return .commit
        }
        return Written(diagnostics: outcome.diagnostics, result: meta.map { ($0, loaded.changes) })
    }
}
