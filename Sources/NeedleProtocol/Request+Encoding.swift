import Foundation

extension Request {
    /// The request as one line of JSON, newline included: what a client sends.
    ///
    /// ```swift
    /// Request(id: .int(1), operation: .search(SearchRequest(query: "PCI"))).encodedLine()
    /// // {"id":1,"op":"search","q":"PCI","limit":10,"offset":0}\n
    /// ```
    public func encodedLine() -> [UInt8] {
        var fields: [String: JSONValue] = ["op": .string(operation.name)]
        if let id { fields["id"] = id }
        if case .search(let search) = operation {
            fields["q"] = .string(search.query)
            fields["limit"] = .int(Int64(search.limit))
            fields["offset"] = .int(Int64(search.offset))
            if let kind = search.kind { fields["filter"] = .object(["kind": .string(kind)]) }
        }
        if case .suggest(let suggest) = operation {
            fields["q"] = .string(suggest.query)
            fields["limit"] = .int(Int64(suggest.limit))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = (try? encoder.encode(JSONValue.object(fields))).map(Array.init) ?? []
        bytes.append(0x0a)
        return bytes
    }
}
