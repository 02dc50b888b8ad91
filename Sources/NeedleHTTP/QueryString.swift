import NeedleProtocol

/// The parameters of a URL's query string, decoded as browsers encode them: `+` is a space and
/// `%XX` a byte of UTF-8. A name given twice keeps its first value.
///
/// ```swift
/// let query = try QueryString("q=skin+needling&limit=3")
/// query["q"]   // "skin needling"
/// ```
public struct QueryString: Sendable {
    private var values: [String: String] = [:]

    /// Throws `bad_request` when a name or value is not valid percent-encoded UTF-8.
    public init(_ query: String?) throws(GatewayError) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    public subscript(name: String) -> String? { values[name] }

    /// The parameter as the request's string field `name`; absent is `missing field`, as on the socket.
    func requiredString(_ name: String) throws(GatewayError) -> String {
        guard let value = values[name] else { throw GatewayError(.badRequest, "missing parameter '\(name)'") }
        return value
    }

    /// An integer parameter, or `fallback` when absent or empty. The range is the daemon's to check.
    func integer(_ name: String, default fallback: Int) throws(GatewayError) -> Int {
        guard let text = values[name], !text.isEmpty else { return fallback }
        guard let number = Int(text) else {
            throw GatewayError(.badRequest, "parameter '\(name)' must be an integer, got '\(text)'")
        }
        return number
    }

    /// A number parameter, or `fallback` when absent or empty.
    func number(_ name: String, default fallback: Double) throws(GatewayError) -> Double {
        guard let text = values[name], !text.isEmpty else { return fallback }
        guard let number = Double(text), number.isFinite else {
            throw GatewayError(.badRequest, "parameter '\(name)' must be a number, got '\(text)'")
        }
        return number
    }

    /// `true`/`1` or `false`/`0`; false when absent or empty.
    func boolean(_ name: String) throws(GatewayError) -> Bool {
        switch values[name] {
        case nil, "", "false", "0": return false
        case "true", "1": return true
        case let text?: throw GatewayError(.badRequest, "parameter '\(name)' must be true or false, got '\(text)'")
        }
    }

    /// A string parameter, nil when absent or empty (an empty filter filters nothing).
    func optionalString(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// `+` as a space and each `%XX` as its byte, read over the UTF-8 bytes: the query string is
    /// read on every keystroke, and Foundation's string search and percent decoding cost more than
    /// the search they lead to. A `%` without two hex digits, or bytes that are not UTF-8, are refused.
    private static func decode(_ part: Substring) throws(GatewayError) -> String {
        let encoded = part.utf8
        guard encoded.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(part) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            index = encoded.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index < encoded.endIndex, let high = hexValue(encoded[index]),
                      encoded.index(after: index) < encoded.endIndex, let low = hexValue(encoded[encoded.index(after: index)])
                else { throw invalid }
                bytes.append(high << 4 | low)
                index = encoded.index(index, offsetBy: 2)
            default:
                bytes.append(byte)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw invalid }
        return decoded
    }

    private static let invalid = GatewayError(.badRequest, "the query string is not valid percent-encoded UTF-8")

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
