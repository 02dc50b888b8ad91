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
/// call ``check()`` to stop at the same deadline.
///
/// ```swift
/// let rows = try QueryDeadline.run(db, within: .seconds(10)) { try Row.fetchAll(db, sql: sql) }
/// ```
enum QueryDeadline {
    /// Runs `body` on `db` with the deadline `limit` from now; no deadline when `limit` is nil.
    static func run<Value>(_ db: Database, within limit: Duration?, _ body: () throws -> Value) throws -> Value {
        guard let limit, let connection = db.sqliteConnection else { return try body() }
        var deadline = needle_monotonic_nanoseconds() &+ nanoseconds(limit)
        return try withUnsafePointer(to: &deadline) { deadline in
            needle_sqlite_set_deadline(UnsafeMutableRawPointer(connection), deadline)
            defer { needle_sqlite_set_deadline(UnsafeMutableRawPointer(connection), nil) }
            do {
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
