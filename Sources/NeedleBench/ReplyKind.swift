/// What a reply line says, read without decoding the whole JSON object.
///
/// Needle writes its replies with sorted keys and no spaces, and so does limitd,
/// so `"ok":true` and the error code appear verbatim. Reading only those keeps the
/// load driver cheap enough not to steal the daemon's CPU.
///
/// ```swift
/// ReplyKind(Array(#"{"id":1,"ok":true,"hits":[]}"#.utf8)[...])    // .ok
/// ReplyKind(Array(#"{"error":{"code":"unknown_op"},"id":1,"ok":false}"#.utf8)[...]) // .unsupported
/// ```
public enum ReplyKind: Sendable, Hashable {
    case ok
    /// The daemon does not know the operation (`unknown_op`).
    case unsupported
    /// Any other reply: an error code, or a line that is not a reply.
    case failed

    public init(_ line: ArraySlice<UInt8>) {
        if Self.contains(line, Self.okMarker) {
            self = .ok
        } else if Self.contains(line, Self.unknownOpMarker) {
            self = .unsupported
        } else {
            self = .failed
        }
    }

    private static let okMarker = Array(#""ok":true"#.utf8)
    private static let unknownOpMarker = Array(#""code":"unknown_op""#.utf8)

    private static func contains(_ line: ArraySlice<UInt8>, _ marker: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { haystack in
            guard haystack.count >= marker.count else { return false }
            var start = 0
            while start <= haystack.count - marker.count {
                if haystack[start] == marker[0], haystack[start..<(start + marker.count)].elementsEqual(marker) { return true }
                start += 1
            }
            return false
        }
    }
}
