/// Sends a fixed set of requests to a daemon, one at a time over one connection, for a
/// number of rounds, and summarizes the `took_us` each reply reports, per operation.
///
/// The requests come from files in the evaluation sets' format: tab-separated lines whose
/// first two columns are the operation (`search`, `suggest`, `ask`) and the text; `#`
/// lines are comments. The first round warms the daemon up and is not counted.
///
/// ```swift
/// let run = try ServerTimeRun(socketPath: "/tmp/needle.sock", lines: ServerTimeRun.parse("search\tPCI\n"))
/// let times = try run.measure(label: "needle", queries: "dev.tsv", rounds: 20)
/// ```
public struct ServerTimeRun: Sendable {
    public var socketPath: String
    public var lines: [(operation: BenchOperation, query: String)]

    public init(socketPath: String, lines: [(operation: BenchOperation, query: String)]) {
        self.socketPath = socketPath
        self.lines = lines
    }

    /// The requests of an evaluation-format file: lines of a known operation, in order.
    public static func parse(_ text: String) -> [(operation: BenchOperation, query: String)] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 2, let operation = BenchOperation(rawValue: String(columns[0])),
                  !columns[1].isEmpty else { return nil }
            return (operation, String(columns[1]))
        }
    }

    /// One ``ServerTime`` per operation present, after `rounds` counted rounds.
    public func measure(label: String, queries: String, rounds: Int) throws -> [ServerTime] {
        let connection = try UnixSocketConnection(path: socketPath)
        let requests = lines.map { RequestLine(operation: $0.operation, query: $0.query) }
        var samples: [BenchOperation: [UInt64]] = [:]
        var id = 0
        for round in 0...rounds {
            for (index, request) in requests.enumerated() {
                id += 1
                try connection.send(request.bytes(id: id))
                let reply = try connection.readLine()
                guard round > 0 else { continue }
                guard let took = ServerTime.tookMicroseconds(in: reply) else {
                    throw BenchError.connectionLost(reason: "a reply without took_us: \(String(decoding: reply.prefix(200), as: UTF8.self))")
                }
                samples[lines[index].operation, default: []].append(UInt64(took) * 1_000)
            }
        }
        return BenchOperation.allCases.compactMap { operation in
            guard let taken = samples[operation] else { return nil }
            let distinct = lines.filter { $0.operation == operation }.count
            return ServerTime(
                label: label, operation: operation, queries: queries, requests: distinct, rounds: rounds,
                took: LatencySummary(nanoseconds: taken))
        }
    }
}
