import Foundation

/// One response line: `{"id":…,"ok":true,…}` or `{"id":…,"ok":false,"error":{…}}`.
public enum Response: Sendable {
    case search(id: JSONValue?, SearchResult)
    case ask(id: JSONValue?, AskResult)
    case suggest(id: JSONValue?, SuggestResult)
    case pong(id: JSONValue?)
    case stats(id: JSONValue?, StatsResult)
    /// The index was reopened; `index` describes the one now served.
    case reloaded(id: JSONValue?, IndexInfo)
    /// The daemon's metrics as Prometheus text exposition, in the field `prometheus`.
    case metrics(id: JSONValue?, prometheus: String)
    case error(ProtocolError)

    /// The response as one line of JSON, newline included.
    public func encodedLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = (try? encoder.encode(Envelope(response: self))).map(Array.init)
            ?? Array(#"{"ok":false,"error":{"code":"internal","message":"response could not be encoded"}}"#.utf8)
        bytes.append(0x0a)
        return bytes
    }
}

/// Writes `id` and `ok` first, then the result's own fields, into one JSON object.
private struct Envelope: Encodable {
    let response: Response

    enum Keys: String, CodingKey { case id, ok, error, index, prometheus }
    enum ErrorKeys: String, CodingKey { case code, message }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch response {
        case let .search(id, result):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
            try result.encode(to: encoder)
        case let .ask(id, result):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
            try result.encode(to: encoder)
        case let .suggest(id, result):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
            try result.encode(to: encoder)
        case let .pong(id):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
        case let .stats(id, result):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
            try result.encode(to: encoder)
        case let .reloaded(id, index):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
            try container.encode(index, forKey: .index)
        case let .metrics(id, text):
            try container.encode(id ?? .null, forKey: .id)
            try container.encode(true, forKey: .ok)
            try container.encode(text, forKey: .prometheus)
        case let .error(error):
            try container.encode(error.id ?? .null, forKey: .id)
            try container.encode(false, forKey: .ok)
            var details = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try details.encode(error.code.rawValue, forKey: .code)
            try details.encode(error.message, forKey: .message)
        }
    }
}

/// The fields every response has, for clients reading a line before they know its shape.
public struct ResponseEnvelope: Sendable, Decodable {
    public var id: JSONValue?
    public var ok: Bool
    public var error: ErrorDetails?

    /// The `error` object of an `ok:false` response.
    public struct ErrorDetails: Sendable, Decodable {
        public var code: String
        public var message: String
    }
}
