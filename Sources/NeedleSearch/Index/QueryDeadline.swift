import CNeedleSQLite
import GRDB

/// A read ran longer than its deadline and SQLite interrupted it.
public struct QueryTimeout: Error, Sendable, CustomStringConvertible {
    /// The time the read was allowed.
    public let limit: Duration

    public var description: String { "the query ran longer than \(limit) and was interrupted" }
}

/// Bounds the SQL of one read in time without another thread: SQLite's progress handler
/// reads the clock every 1,000 virtual-machine steps and interrupts the running statement
/// once the deadline has passed, and the read then throws ``QueryTimeout``. Loops in Swift
/// call ``check()`` to stop at the same deadline, and so do the steps between the reads
/// (reading the query, highlighting): an FTS5 `MATCH` runs as one virtual-machine step, so
/// much of a search's time is out of the progress handler's sight.
///
/// ```swift
/// let started = QueryDeadline.now()
/// let rows = try QueryDeadline.run(db, within: .seconds(10), since: started) { try Row.fetchAll(db, sql: sql) }
/// ```
enum QueryDeadline {
    /// The clock deadlines are counted on, in nanoseconds.
    static func now() -> UInt64 {
        needle_monotonic_nanoseconds()
    }

    /// Runs `body` on `db` with the deadline `limit` after `start` (a reading of ``now()``,
    /// by default now); no deadline when `limit` is nil. The time spent before the read, in
    /// reading the query or waiting for a connection, counts: when the deadline has already
    /// passed, `body` is not run.
    static func run<Value>(_ db: Database, within limit: Duration?, since start: UInt64 = now(), _ body: () throws -> Value) throws -> Value {
        guard let limit, let connection = db.sqliteConnection else { return try body() }
        var deadline = start &+ nanoseconds(limit)
        return try withUnsafePointer(to: &deadline) { deadline in
            needle_sqlite_set_deadline(UnsafeMutableRawPointer(connection), deadline)
            defer { needle_sqlite_set_deadline(UnsafeMutableRawPointer(connection), nil) }
            do {
                try check()
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
                throw QueryTimeout(limit: limit)
            }
        }
    }

    /// Throws once the deadline of the read running on this thread has passed: the check of
    /// loops that run in Swift, outside SQLite's progress handler. The read then throws
    /// ``QueryTimeout``. Costs a clock read: call it every few thousand steps.
    static func check() throws {
        if needle_thread_deadline_passed() != 0 { throw DatabaseError(resultCode: .SQLITE_INTERRUPT) }
    }

    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
    }
}
