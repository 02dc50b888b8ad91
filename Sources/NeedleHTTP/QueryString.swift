import Foundation
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

    private static func decode(_ part: Substring) throws(GatewayError) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw GatewayError(.badRequest, "the query string is not valid percent-encoded UTF-8")
        }
        return decoded
    }
}
