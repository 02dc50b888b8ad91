import Foundation
import NeedleProtocol

/// The way ``Response/encodedLine()`` wrote responses before ``JSONWriter``: Foundation's
/// `JSONEncoder` over the types' `Encodable` form (`ReferenceEncodings.swift`). Kept here as the
/// reference the hand-written encoding must match byte for byte.
enum ReferenceResponseEncoder {
    static func encodedLine(_ response: Response) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = (try? encoder.encode(Envelope(response: response))).map(Array.init)
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
        if case let .error(error) = response {
            try container.encode(error.id ?? .null, forKey: .id)
            try container.encode(false, forKey: .ok)
            var details = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try details.encode(error.code.rawValue, forKey: .code)
            try details.encode(error.message, forKey: .message)
            return
        }
        try container.encode(id ?? .null, forKey: .id)
        try container.encode(true, forKey: .ok)
        switch response {
        case let .search(_, result): try result.encode(to: encoder)
        case let .ask(_, result): try result.encode(to: encoder)
        case let .suggest(_, result): try result.encode(to: encoder)
        case let .stats(_, result): try result.encode(to: encoder)
        case let .reloaded(_, index): try container.encode(index, forKey: .index)
        case let .metrics(_, text): try container.encode(text, forKey: .prometheus)
        case .pong, .error: break
        }
    }

    /// The request's `id` a successful reply echoes.
    private var id: JSONValue? {
        switch response {
        case let .search(id, _), let .ask(id, _), let .suggest(id, _), let .stats(id, _), let .reloaded(id, _),
             let .metrics(id, _), let .pong(id):
            return id
        case let .error(error):
            return error.id
        }
    }
}
