import Dispatch
import GRDB
import Synchronization

/// The read-only SQLite connections of one open index, lent to one read at a time.
///
/// Each connection is a GRDB `DatabaseQueue` of its own, taken from a list of idle ones under
/// a lock and opened when none is idle, up to `readers` at once (more reads wait for one to
/// come back). GRDB's `DatabasePool` would take a reader through a dispatch barrier and a
/// semaphore and read `PRAGMA schema_version` before every read, to notice a schema changed by
/// a writer: a tenth of a search on the bundled corpus. An index file has no writer and is
/// never written in place, so its schema cannot change under a connection.
///
/// ```swift
/// let connections = try ReaderConnections(path: path, configuration: configuration, readers: 2)
/// let count = try connections.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") }
/// ```
final class ReaderConnections: Sendable {
    /// The most connections open at once.
    let readers: Int
    private let path: String
    private let configuration: Configuration
    private let slots: DispatchSemaphore
    private let idle = Mutex<[DatabaseQueue]>([])

    /// Opens the first connection, so a file SQLite cannot open fails here.
    init(path: String, configuration: Configuration, readers: Int) throws {
        self.readers = max(1, readers)
        self.path = path
        self.configuration = configuration
        slots = DispatchSemaphore(value: self.readers)
        let first = try DatabaseQueue(path: path, configuration: configuration)
        idle.withLock { $0.append(first) }
    }

    /// Runs `body` on an idle connection, on the calling thread, outside any transaction.
    /// Not reentrant: `body` must not read through the same connections again.
    func read<Value>(_ body: (Database) throws -> Value) throws -> Value {
        try lend(body)
    }

    /// ``read(_:)`` from a task. A read never suspends while it holds a connection, so one
    /// waiting for a connection waits only for running reads to end.
    func read<Value: Sendable>(_ body: @Sendable (Database) throws -> Value) async throws -> Value {
        try lend(body)
    }

    private func lend<Value>(_ body: (Database) throws -> Value) throws -> Value {
        slots.wait()
        defer { slots.signal() }
        let connection = try idle.withLock { $0.popLast() } ?? DatabaseQueue(path: path, configuration: configuration)
        defer { idle.withLock { $0.append(connection) } }
        return try connection.inDatabase(body)
    }
}
