import Foundation
@testable import NeedleProtocol

/// ``RequestDecoder`` as it was before ``JSONReader``: Foundation's `JSONDecoder` reads the
/// line into a `JSONValue`. Kept here as the reference the hand-written reader must match; what
/// follows the reading (``RequestDecoder/request(from:)``) did not change and is shared.
///
/// It traps on a line whose 513th nested bracket is its last byte; never hand it one.
enum ReferenceRequestDecoder {
    static func decode(_ line: [UInt8]) -> Result<Request, ProtocolError> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(ProtocolError(.badUTF8, "the request is not valid UTF-8"))
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(line))
        } catch {
            return .failure(ProtocolError(.badJSON, "the request is not valid JSON"))
        }
        return RequestDecoder.request(from: value)
    }
}
