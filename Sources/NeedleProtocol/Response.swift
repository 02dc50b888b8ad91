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
    ///
    /// Keys are sorted and `/` is not escaped, byte for byte as `JSONEncoder` with
    /// `[.sortedKeys, .withoutEscapingSlashes]` would write the result's fields, but written by
    /// hand (``JSONWriter``) from each result's ``JSONObject/jsonFields``, which is several times
    /// faster. A result holding a NaN or infinite number cannot be written; it is answered with
    /// an `internal` error, as it always was.
    ///
    /// ```swift
    /// Response.pong(id: .int(1)).encodedLine()   // {"id":1,"ok":true}\n
    /// ```
    public func encodedLine() -> [UInt8] {
        var json = JSONWriter()
        do {
            try write(to: &json)
        } catch {
            return Array(#"{"ok":false,"error":{"code":"internal","message":"response could not be encoded"}}"#.utf8) + [0x0a]
        }
        return json.finishLine()
    }

    /// `id` and `ok` sort in among the result's own fields: ``JSONFields/writeReply(_:id:to:)`` places them.
    private func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        switch self {
        case let .search(id, result):
            try SearchResult.jsonFields.writeReply(result, id: id, to: &json)
        case let .ask(id, result):
            try AskResult.jsonFields.writeReply(result, id: id, to: &json)
        case let .suggest(id, result):
            try SuggestResult.jsonFields.writeReply(result, id: id, to: &json)
        case let .stats(id, result):
            try StatsResult.jsonFields.writeReply(result, id: id, to: &json)
        case let .pong(id):
            json.beginObject()
            try json.field("id", id ?? .null)
            try json.field("ok", true)
            json.endObject()
        case let .reloaded(id, index):
            json.beginObject()
            try json.field("id", id ?? .null)
            try json.field("index", index)
            try json.field("ok", true)
            json.endObject()
        case let .metrics(id, text):
            json.beginObject()
            try json.field("id", id ?? .null)
            try json.field("ok", true)
            try json.field("prometheus", text)
            json.endObject()
        case let .error(error):
            json.beginObject()
            json.key("error")
            json.beginObject()
            try json.field("code", error.code.rawValue)
            try json.field("message", error.message)
            json.endObject()
            try json.field("id", error.id ?? .null)
            try json.field("ok", false)
            json.endObject()
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
