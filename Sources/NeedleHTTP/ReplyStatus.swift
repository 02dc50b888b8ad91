import HTTPTypes
import NIOCore
import NeedleProtocol

/// The HTTP status of a reply line from `needled`, read without decoding it: 200 for
/// `"ok":true`, else the status of its error code (``GatewayError/status(for:)``).
///
/// The reply is passed on as the HTTP body unchanged, so only the two fields that choose the
/// status are looked at. A JSON string cannot hold an unescaped `"`, so `"ok":false` and
/// `"code":"` occur in a reply only as keys.
///
/// ```swift
/// ReplyStatus.of(ByteBuffer(string: #"{"error":{"code":"timeout","message":"…"},"id":null,"ok":false}"#))   // .gatewayTimeout
/// ```
public enum ReplyStatus {
    private static let failed = Array(#""ok":false"#.utf8)
    private static let codeKey = Array(#""code":""#.utf8)

    public static func of(_ reply: ByteBuffer) -> HTTPResponse.Status {
        reply.withUnsafeReadableBytes { bytes in
            guard find(failed, in: bytes) != nil else { return .ok }
            guard let codeAt = find(codeKey, in: bytes) else { return .internalServerError }
            let start = codeAt + codeKey.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return .internalServerError }
            let code = String(decoding: bytes[start..<end], as: UTF8.self)
            return ErrorCode(rawValue: code).map(GatewayError.status(for:)) ?? .internalServerError
        }
    }

    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first && needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
            index += 1
        }
        return nil
    }
}
