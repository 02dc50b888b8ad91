import Foundation

/// What the HTTP gateway adds to a request: the same queries sent one at a time over the
/// daemon's socket and over HTTP to `needle-http` in front of it, alternating, on one thread.
///
/// ```swift
/// let result = try GatewayOverhead.measure(
///     socketPath: "/tmp/needle.sock", host: "127.0.0.1", port: 8080, operation: .suggest,
///     queries: ["mic", "acne sc"], requests: 2000, warmUp: 200)
/// result.overheadP50Microseconds   // http p50 − socket p50
/// ```
public enum GatewayOverhead {
    /// Both latency distributions and the overhead, in microseconds.
    public struct Result: Sendable, Codable {
        public var operation: BenchOperation
        public var socket: LatencySummary
        public var http: LatencySummary
        /// HTTP's median minus the socket's median.
        public var overheadP50Microseconds: Double
        /// The median of each query's HTTP time minus its socket time.
        public var pairedOverheadP50Microseconds: Double
    }

    /// Sends `requests` of each kind after `warmUp` unmeasured ones; throws when a reply is not a success.
    public static func measure(
        socketPath: String, host: String, port: UInt16, operation: BenchOperation, queries: [String], requests: Int, warmUp: Int
    ) throws -> Result {
        guard !queries.isEmpty else { throw BenchError.noQueries(path: "(none)") }
        let daemon = try UnixSocketConnection(path: socketPath)
        let gateway = try HTTPConnection(host: host, port: port)
        let lines = queries.map { RequestLine(operation: operation, query: $0) }
        let targets = queries.map { target(operation: operation, query: $0) }
        var overSocket: [UInt64] = [], overHTTP: [UInt64] = [], differences: [Double] = []
        for round in 0..<(warmUp + requests) {
            let index = round % queries.count
            var socketTime: UInt64 = 0, httpTime: UInt64 = 0
            // Alternate which goes first, so neither always finds the caches warmed by the other.
            for step in (round % 2 == 0 ? [0, 1] : [1, 0]) {
                let start = MonotonicClock.now()
                if step == 0 {
                    try daemon.send(lines[index].bytes(id: round))
                    let reply = try daemon.readLine()
                    guard reply.starts(with: Array(#"{"#.utf8)), !contains(reply, #""ok":false"#) else { throw failure(reply) }
                    socketTime = MonotonicClock.now() - start
                } else {
                    let (status, body) = try gateway.get(targets[index])
                    guard status == 200 else { throw failure(body[...]) }
                    httpTime = MonotonicClock.now() - start
                }
            }
            guard round >= warmUp else { continue }
            overSocket.append(socketTime)
            overHTTP.append(httpTime)
            differences.append(Double(Int64(httpTime) - Int64(socketTime)) / 1000)
        }
        let socket = LatencySummary(nanoseconds: overSocket), http = LatencySummary(nanoseconds: overHTTP)
        differences.sort()
        return Result(
            operation: operation, socket: socket, http: http,
            overheadP50Microseconds: http.p50 - socket.p50,
            pairedOverheadP50Microseconds: differences[differences.count / 2])
    }

    /// `/suggest?q=…&limit=8`: the route and parameters that mirror the request line.
    public static func target(operation: BenchOperation, query: String) -> String {
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return "/\(operation.rawValue)?q=\(encoded)&limit=\(operation.limit)"
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (bytes.startIndex...(bytes.endIndex - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    private static func failure(_ reply: ArraySlice<UInt8>) -> BenchError {
        .connectionLost(reason: "unexpected reply: \(String(decoding: reply.prefix(200), as: UTF8.self))")
    }
}
