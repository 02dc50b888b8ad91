/// The time the daemon itself reports for an operation (`took_us` in its replies), over a
/// set of requests: the engine's cost without the socket or the client.
///
/// One line of `took.jsonl`.
public struct ServerTime: Sendable, Hashable, Codable {
    /// Which daemon or configuration.
    public var label: String
    public var operation: BenchOperation
    /// The request files the requests came from.
    public var queries: String
    /// Distinct requests, each sent `rounds` times.
    public var requests: Int
    public var rounds: Int
    /// Percentiles of `took_us` over every reply.
    public var took: LatencySummary

    public init(label: String, operation: BenchOperation, queries: String, requests: Int, rounds: Int, took: LatencySummary) {
        self.label = label
        self.operation = operation
        self.queries = queries
        self.requests = requests
        self.rounds = rounds
        self.took = took
    }

    /// The `took_us` value of a reply line, read without decoding the JSON object.
    ///
    /// ```swift
    /// ServerTime.tookMicroseconds(in: Array(#"{"id":1,"ok":true,"result":{"took_us":87}}"#.utf8)[...]) // 87
    /// ```
    public static func tookMicroseconds(in line: ArraySlice<UInt8>) -> Int? {
        let marker = Array(#""took_us":"#.utf8)
        guard line.count > marker.count else { return nil }
        var index = line.startIndex
        while index <= line.endIndex - marker.count {
            if line[index..<(index + marker.count)].elementsEqual(marker) {
                var value = 0
                var digits = 0
                var cursor = index + marker.count
                while cursor < line.endIndex, (0x30...0x39).contains(line[cursor]) {
                    value = value * 10 + Int(line[cursor] - 0x30)
                    digits += 1
                    cursor += 1
                }
                return digits > 0 ? value : nil
            }
            index += 1
        }
        return nil
    }
}
