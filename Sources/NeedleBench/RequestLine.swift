/// The bytes of one request line, built once per query so the load loop only appends an id.
///
/// ```swift
/// let line = RequestLine(operation: .suggest, query: "micron")
/// String(decoding: line.bytes(id: 7), as: UTF8.self)
/// // {"op":"suggest","q":"micron","limit":8,"id":7}\n
/// ```
public struct RequestLine: Sendable, Hashable {
    /// Everything up to and including `"id":`.
    public let prefix: [UInt8]

    public init(operation: BenchOperation, query: String) {
        let text = #"{"op":"\#(operation.rawValue)","q":"\#(Self.escaped(query))","limit":\#(operation.limit),"id":"#
        prefix = Array(text.utf8)
    }

    /// The complete line for request `id`, newline included.
    public func bytes(id: Int) -> [UInt8] {
        var line = prefix
        line.append(contentsOf: String(id).utf8)
        line.append(contentsOf: "}\n".utf8)
        return line
    }

    /// `text` as the inside of a JSON string: quotes, backslashes and control characters escaped.
    public static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
