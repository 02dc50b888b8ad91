import Foundation
import NeedleClient
import NeedleProtocol

/// Runs evaluation queries against a running daemon and collects the ranked answers.
///
/// Queries are pipelined on one connection in batches, so a run of a thousand
/// queries takes about as long as the daemon needs to answer them.
/// ```swift
/// let ranked = try await EvaluationRunner(socketPath: path).run(queries)
/// ranked[0]  // the answers to queries[0], best first ([] for an error reply)
/// ```
public struct EvaluationRunner: Sendable {
    public let socketPath: String
    /// Requests in flight at once on the connection.
    public var batchSize = 32

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    public func run(_ queries: [EvaluationQuery]) async throws -> [[EvaluationQuery.Answer]] {
        try await NeedleConnection.with(socketPath: socketPath) { connection in
            var results: [[EvaluationQuery.Answer]] = []
            for start in stride(from: 0, to: queries.count, by: batchSize) {
                let batch = queries[start..<min(start + batchSize, queries.count)]
                for query in batch { try await connection.send(Self.requestLine(for: query)) }
                for query in batch {
                    guard let line = try await connection.nextLine() else { throw ClientError.closedByDaemon }
                    results.append(Self.answers(in: line, task: query.task))
                }
            }
            return results
        }
    }

    /// The daemon's own time (`took_us`) for each query of two lists, sent one at a time so none
    /// waits behind another, a query of one list and then one of the other (``alternation``), so
    /// that a change of load on the machine falls on both lists alike; for each query, the median
    /// of its runs (at least `rounds`).
    public func serverMicroseconds(
        alternating first: [EvaluationQuery], _ second: [EvaluationQuery], rounds: Int = 30
    ) async throws -> (first: [Int], second: [Int]) {
        try await NeedleConnection.with(socketPath: socketPath) { connection in
            var times = [[[Int]](repeating: [], count: first.count), [[Int]](repeating: [], count: second.count)]
            for (list, index) in Self.alternation(first.count, second.count, rounds: rounds) {
                try await connection.send(Self.requestLine(for: list == 0 ? first[index] : second[index]))
                guard let line = try await connection.nextLine() else { throw ClientError.closedByDaemon }
                times[list][index].append(Self.tookMicroseconds(in: line))
            }
            let medians = times.map { $0.map { runs in runs.sorted()[runs.count / 2] } }
            return (medians[0], medians[1])
        }
    }

    /// The order in which ``serverMicroseconds(alternating:_:rounds:)`` sends two lists of
    /// `firstCount` and `secondCount` queries: (list, index) pairs, first and second in turn,
    /// the shorter list starting over as the longer goes on, each query at least `rounds` times.
    static func alternation(_ firstCount: Int, _ secondCount: Int, rounds: Int) -> [(list: Int, index: Int)] {
        guard firstCount > 0, secondCount > 0 else { return [] }
        let perRound = max(firstCount, secondCount)
        return (0..<(max(1, rounds) * perRound)).flatMap { step in
            [(list: 0, index: step % firstCount), (list: 1, index: step % secondCount)]
        }
    }

    static func tookMicroseconds(in line: String) -> Int {
        guard let reply = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)),
              case .object(let fields) = reply, case .int(let took)? = fields["took_us"] else { return 0 }
        return Int(took)
    }

    /// The request line for a query: its task's op, asking for at least ten results.
    static func requestLine(for query: EvaluationQuery) -> [UInt8] {
        let limit = max(10, query.cutoff)
        let operation: NeedleProtocol.Operation = switch query.task {
        case .search: .search(SearchRequest(query: query.text, limit: limit))
        case .suggest: .suggest(SuggestRequest(query: query.text, limit: limit))
        case .ask: .ask(AskRequest(question: query.text, limit: limit))
        }
        return Request(id: nil, operation: operation).encodedLine()
    }

    /// The ranked answers of a reply; an error reply or an unreadable one has none.
    static func answers(in line: String, task: EvaluationQuery.Task) -> [EvaluationQuery.Answer] {
        guard let reply = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)),
              case .object(let fields) = reply, fields["ok"] == .bool(true)
        else { return [] }
        let key = switch task {
        case .search: "hits"
        case .suggest: "suggestions"
        case .ask: "answers"
        }
        guard case .array(let items)? = fields[key] else { return [] }
        var answers: [EvaluationQuery.Answer] = []
        for case .object(let item) in items {
            guard case .string(let slug)? = item["slug"] else { continue }
            let section: String? = if case .string(let heading)? = item["section"] { heading } else { nil }
            let answer = EvaluationQuery.Answer(slug: slug, section: task == .ask ? section : nil)
            if task != .ask && answers.contains(where: { $0.slug == slug }) { continue }
            answers.append(answer)
        }
        return answers
    }
}
