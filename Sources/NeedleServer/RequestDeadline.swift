/// Runs one request's work under a deadline.
///
/// When the deadline passes first, the work's task is cancelled — GRDB then interrupts
/// SQLite (`sqlite3_interrupt`) so the query stops at once — and ``Exceeded`` is thrown
/// once the work has wound down.
///
/// ```swift
/// let result = try await RequestDeadline.run(within: .seconds(10)) { try await index.search(request) }
/// ```
enum RequestDeadline {
    /// The work ran longer than allowed.
    struct Exceeded: Error {}

    static func run<Value: Sendable>(
        within limit: Duration, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded() }
            return value
        }
    }
}
