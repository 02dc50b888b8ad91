import Foundation
import GRDB
import NeedleCorpus
import Synchronization

/// Builds `passages_fts` for a full build in a scratch file, on a thread of its own,
/// while the build's connection writes everything else; the build then copies the
/// finished index into its file (``copy(into:)``).
///
/// Tokenizing is most of a build and SQLite tokenizes on the connection's thread, so
/// with the two FTS5 tables on two connections a build uses a second core for more
/// than parsing. `passages_fts` is an external-content table: FTS5 keeps all of it in
/// four plain shadow tables, which hold the same rows whichever connection filled
/// them from the same passages in the same order.
///
/// ```swift
/// let scratch = try ScratchPassageIndex(beside: "/tmp/needle.sqlite.tmp-42")
/// scratch.add(firstID: 1, article.passages)   // for every article, in id order
/// try scratch.finish()                         // waits for the thread, rethrows its error
/// try scratch.copy(into: db)                   // outside any transaction
/// scratch.remove()
/// ```
/// A build that fails or finds errors in the corpus calls ``abandon()`` instead of
/// ``finish()``, which stops the thread without merging what it indexed.
final class ScratchPassageIndex: Sendable {
    /// The passages of one article and the id of its first one (the others follow).
    struct Batch: Sendable {
        var firstID: Int64
        var passages: [Passage]
    }

    let path: String
    /// Ends with whether to keep the table (merge it) or drop it.
    private let handoff = Handoff<Batch, Bool>(capacity: 64)
    private let done = DispatchSemaphore(value: 0)
    private let stopped = Mutex(false)
    private let failure = Mutex<(any Error)?>(nil)

    /// Creates the scratch file `<index>.passages` and starts the thread that fills it.
    init(beside index: String) throws {
        path = index + ".passages"
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path, configuration: IndexFile.configuration())
        Thread.detachNewThread { [self] in
            do {
                try fill(queue)
                try queue.close()
            } catch {
                failure.withLock { $0 = error }
                handoff.cancel()
            }
            done.signal()
        }
    }

    /// Queues the passages of one article; they are indexed under `firstID`, `firstID + 1`, ….
    func add(firstID: Int64, _ passages: [Passage]) {
        // `false` means the thread failed; `finish()` reports why.
        _ = handoff.send(Batch(firstID: firstID, passages: passages))
    }

    /// Waits until every queued passage is indexed and the table merged; rethrows the
    /// thread's error, if any.
    func finish() throws {
        stop(keeping: true)
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Stops the thread without finishing the table, when the build will not be used.
    /// Does nothing after ``finish()``.
    func abandon() {
        stop(keeping: false)
    }

    private func stop(keeping: Bool) {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        handoff.finish(keeping)
        done.wait()
    }

    /// Replaces the (empty) `passages_fts` of `db` with the finished one. Call after
    /// ``finish()``, outside any transaction: it attaches the scratch file.
    func copy(into db: Database) throws {
        try db.execute(sql: "ATTACH DATABASE ? AS scratch", arguments: [path])
        do {
            try db.inTransaction {
                for table in IndexSchema.passagesFTSShadowTables {
                    try db.execute(sql: "DELETE FROM main.\(table); INSERT INTO main.\(table) SELECT * FROM scratch.\(table)")
                }
                return .commit
            }
        } catch {
            try? db.execute(sql: "DETACH DATABASE scratch")
            throw error
        }
        try db.execute(sql: "DETACH DATABASE scratch")
    }

    /// Deletes the scratch file.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func fill(_ queue: DatabaseQueue) throws {
        try queue.write { db in
            try IndexSchema.createPassagesFTS(db)
            try FTS5Loading.begin(db, tables: ["passages_fts"])
            let insert = try RowInsert(db, sql: PassageText.insertSQL)
            while true {
                switch handoff.receive() {
                case .element(let batch):
                    for (offset, passage) in batch.passages.enumerated() {
                        try PassageText.insert(passage, id: batch.firstID + Int64(offset), with: insert)
                    }
                case .finished(let keeping):
                    if keeping { try FTS5Loading.finish(db, tables: ["passages_fts"]) }
                    return
                }
            }
        }
    }
}
