import Foundation
import NeedleClient
import NeedleProtocol

/// Clients that query a daemon back to back, each on its own connection, until a flag is
/// set, checking every answer: `ok`, the id echoed, and the expected article first.
///
/// ```swift
/// let stop = Flag()
/// async let load = QueryLoad.run(socketPath: path, clients: 4, expected: ["PCI": "microneedling"], until: stop)
/// // … reload the index many times …
/// stop.set()
/// #expect(try await load.failures.isEmpty)
/// ```
public enum QueryLoad {
    /// Requests answered, and a description of each one that was not answered correctly.
    public struct Result: Sendable {
        /// Requests answered, correctly or not.
        public var requests = 0
        /// One line per wrong answer: the query and the start of the reply.
        public var failures: [String] = []
    }

    /// Runs `clients` connections, each cycling through `expected` (query → first slug).
    public static func run(socketPath: String, clients: Int, expected: [String: String], until stop: Flag) async throws -> Result {
        let pairs = expected.sorted { $0.key < $1.key }
        return try await withThrowingTaskGroup(of: Result.self) { group in
            for client in 0..<clients {
                group.addTask { try await runClient(socketPath: socketPath, offset: client, pairs: pairs, until: stop) }
            }
            var total = Result()
            for try await part in group {
                total.requests += part.requests
                total.failures += part.failures
            }
            return total
        }
    }

    private static func runClient(socketPath: String, offset: Int, pairs: [(key: String, value: String)], until stop: Flag) async throws -> Result {
        try await NeedleConnection.with(socketPath: socketPath) { connection in
            var result = Result()
            var round = 0
            while !stop.isSet {
                let (query, slug) = pairs[(offset + round) % pairs.count]
                let line = try await connection.request(Request(id: .int(Int64(round)), operation: .search(SearchRequest(query: query))))
                if !isCorrect(line, id: round, firstSlug: slug) { result.failures.append("\(query): \(line.prefix(200))") }
                result.requests += 1
                round += 1
            }
            return result
        }
    }

    private static func isCorrect(_ line: String, id: Int, firstSlug: String) -> Bool {
        guard let reply = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              reply["ok"] as? Bool == true, reply["id"] as? Int == id,
              let hits = reply["hits"] as? [[String: Any]]
        else { return false }
        return hits.first?["slug"] as? String == firstSlug
    }
}
