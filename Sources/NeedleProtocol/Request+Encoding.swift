import Foundation

extension Request {
    /// The request as one line of JSON, newline included, keys sorted: what every client
    /// (the CLI, the gateway, the evaluation and the benchmark) sends.
    ///
    /// ```swift
    /// Request(id: .int(1), operation: .search(SearchRequest(query: "PCI"))).encodedLine()
    /// // {"id":1,"limit":10,"offset":0,"op":"search","q":"PCI"}\n
    /// ```
    public func encodedLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = (try? encoder.encode(jsonObject)).map(Array.init) ?? []
        bytes.append(0x0a)
        return bytes
    }

    /// The JSON object the request line holds: what ``RequestDecoder/decode(value:)`` checks
    /// without the line being written and read again.
    public var jsonObject: JSONValue {
        var fields: [String: JSONValue] = ["op": .string(operation.name)]
        if let id { fields["id"] = id }
        switch operation {
        case .search(let search):
            fields["q"] = .string(search.query)
            fields["limit"] = .int(Int64(search.limit))
            fields["offset"] = .int(Int64(search.offset))
            fields["filter"] = Self.filter(kind: search.kind, concern: search.concern)
            if search.facets { fields["facets"] = .bool(true) }
            if search.explain { fields["explain"] = .bool(true) }
        case .suggest(let suggest):
            fields["q"] = .string(suggest.query)
            fields["limit"] = .int(Int64(suggest.limit))
        case .ask(let ask):
            fields["q"] = .string(ask.question)
            fields["limit"] = .int(Int64(ask.limit))
            if ask.minimumConfidence > 0 { fields["min_confidence"] = .double(ask.minimumConfidence) }
            fields["filter"] = Self.filter(kind: ask.kind, concern: ask.concern)
            if ask.explain { fields["explain"] = .bool(true) }
        case .ping, .stats, .reload, .metrics:
            break
        }
        return .object(fields)
    }

    private static func filter(kind: String?, concern: String?) -> JSONValue? {
        var filter: [String: JSONValue] = [:]
        if let kind { filter["kind"] = .string(kind) }
        if let concern { filter["concern"] = .string(concern) }
        return filter.isEmpty ? nil : .object(filter)
    }
}
