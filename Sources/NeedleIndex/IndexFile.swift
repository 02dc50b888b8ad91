import Foundation
import GRDB
import NeedleCorpus

/// Writes one index file in place, in one transaction: the schema when the file is
/// new, then the corpus's articles, synonyms and meta.
enum IndexFile {
    /// The diagnostics of the corpus and, when it had no errors, the meta written and the changes made.
    struct Written {
        var diagnostics: [Diagnostic]
        var result: (IndexMeta, IndexChanges)?
    }

    static func write(_ source: IndexSource, to path: String, createSchema: Bool) throws -> Written {
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
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let written = try queue.write { db -> Written in
            if createSchema {
                try IndexSchema.create(db)
                try FTS5Loading.begin(db)
            }
            var update = try IndexUpdate(db, existing: createSchema ? [:] : try IndexUpdate.existingArticles(db))
            let outcome = try source.read(update.isUnchanged, { try update.apply($0) })
            guard !outcome.diagnostics.containsErrors else { return Written(diagnostics: outcome.diagnostics) }
            let passages = try update.finish(synonyms: outcome.synonyms, articles: outcome.articles)
            if createSchema { try FTS5Loading.finish(db) }
            let meta = IndexMeta(
                schemaVersion: IndexSchema.version, corpusDigest: ContentDigest.hex(outcome.digest),
                builtAt: ISO8601DateFormatter().string(from: Date()), articles: outcome.articles,
                passages: passages, synonyms: outcome.synonyms.count)
            try db.execute(sql: "DELETE FROM meta")
            try meta.write(db)
            return Written(diagnostics: outcome.diagnostics, result: (meta, update.changes))
        }
        try queue.close()
        return written
    }
}
