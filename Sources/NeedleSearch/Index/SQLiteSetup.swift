import CNeedleSQLite

/// Process-wide SQLite settings, made before the first connection opens.
///
/// SQLite keeps global allocation statistics by default (`SQLITE_CONFIG_MEMSTATUS`), and
/// every `sqlite3_malloc` and `sqlite3_free` takes one process-wide mutex to update them.
/// FTS5 allocates for every posting list it reads, so concurrent searches queue on that
/// mutex and leave cores idle. Needle reads no SQLite memory statistics.
///
/// ```swift
/// SQLiteSetup.disableMemoryStatistics()   // first thing in a daemon, before any index opens
/// ```
/// See <https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus>.
public enum SQLiteSetup {
    /// Turns the statistics off; false when SQLite was already initialized in this process
    /// (a connection was opened first), which leaves them on.
    @discardableResult
    public static func disableMemoryStatistics() -> Bool {
        needle_sqlite_disable_memory_statistics() == 0
    }
}
