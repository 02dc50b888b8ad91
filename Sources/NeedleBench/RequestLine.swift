import NeedleProtocol

/// The bytes of one request line, encoded once per query by the protocol's
/// ``NeedleProtocol/Request/encodedLine()``, so the load loop only appends an id.
///
/// ```swift
/// let line = RequestLine(operation: .suggest, query: "micron")
/// String(decoding: line.bytes(id: 7), as: UTF8.self)
/// // {"limit":8,"op":"suggest","q":"micron","id":7}\n
/// ```
public struct RequestLine: Sendable, Hashable {
    /// Everything up to and including `"id":`.
    public let prefix: [UInt8]

    public init(operation: BenchOperation, query: String) {
        // A line without an id ends in `}\n`; the id goes last, where each send appends it.
        var line = Request(id: nil, operation: operation.request(query: query)).encodedLine()
        line.removeLast(2)
        line.append(contentsOf: #","id":"#.utf8)
        prefix = line
    }

    /// The complete line for request `id`, newline included.
    public func bytes(id: Int) -> [UInt8] {
        var line = prefix
        line.append(contentsOf: String(id).utf8)
        line.append(contentsOf: "}\n".utf8)
        return line
    }
}
