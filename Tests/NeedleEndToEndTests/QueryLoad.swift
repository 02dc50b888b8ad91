import NeedleClient
import NeedleProtocol

/// Clients that query a daemon back to back, each on its own connection, until a flag is
/// set, checking every answer: the id echoed and the expected article first.
struct QueryLoad: Sendable {
    /// Requests answered, and a description of each one that was not answered correctly.
    struct Result: Sendable {
        var requests = 0
        var failures: [String] = []
    }

    static func run(socketPath: String, clients: Int, expected: [String: String], until stop: Flag) async throws -> Result {
        let pairs = expected.sorted { $0.key < $1.key }
        return try await withThrowingTaskGroup(of: Result.self) { group in
            for client in 0..<clients {
                group.addTask {
                    try await NeedleConnection.with(socketPath: socketPath) { connection in
                        var result = Result()
                        var round = 0
                        while !stop.isSet {
                            let (query, slug) = pairs[(client + round) % pairs.count]
                            let line = try await connection.request(
                                Request(id: .int(Int64(round)), operation: .search(SearchRequest(query: query))))
                            let reply = try Reply.object(line)
                            if reply["ok"] as? Bool != true || reply["id"] as? Int != round || Reply.slugs(reply).first != slug {
                                result.failures.append("\(query): \(line.prefix(200))")
                            }
                            result.requests += 1
                            round += 1
                        }
                        return result
                    }
                }
            }
            var total = Result()
            for try await part in group {
                total.requests += part.requests
                total.failures += part.failures
            }
            return total
        }
    }
}
