import Foundation
import HTTPTypes
import Hummingbird
import NeedleProtocol

/// An HTTP error answered as the socket protocol answers errors:
/// `{"error":{"code":"bad_request","message":"…"},"id":null,"ok":false}`, with the HTTP status
/// that fits the code.
///
/// The codes are the protocol's (``NeedleProtocol/ErrorCode``), plus two that only HTTP has:
/// `not_found` (no such route or article) and `rate_limited` (the client sent too many requests).
///
/// ```swift
/// throw GatewayError(.badRequest, "parameter 'limit' must be an integer, got 'ten'")   // 400
/// ```
public struct GatewayError: HTTPResponseError, Sendable, Equatable {
    /// `not_found`: no route has this path, or no article this slug.
    public static let notFoundCode = "not_found"
    /// `rate_limited`: the client sent more requests than the gateway's rate limit allows.
    public static let rateLimitedCode = "rate_limited"

    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    /// An error with a protocol code; the HTTP status follows from the code (``status(for:)``).
    public init(_ code: ErrorCode, _ message: String) {
        self.init(status: Self.status(for: code), code: code.rawValue, message: message)
    }

    public init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// 404 `not_found`.
    public static func notFound(_ message: String) -> GatewayError {
        GatewayError(status: .notFound, code: notFoundCode, message: message)
    }

    /// The HTTP status for a protocol error code: the client's mistakes are 4xx, the daemon's
    /// failures 5xx (a daemon that cannot be reached or refuses the gateway is a bad gateway).
    public static func status(for code: ErrorCode) -> HTTPResponse.Status {
        switch code {
        case .badJSON, .badUTF8, .badRequest: return .badRequest
        case .unknownOp: return .notFound
        case .lineTooLong: return .contentTooLarge
        case .timeout: return .gatewayTimeout
        case .tooManyConnections, .idleTimeout: return .serviceUnavailable
        case .forbidden: return .badGateway
        case .internal: return .internalServerError
        }
    }

    /// The JSON body, keys sorted like the daemon's replies.
    public var body: ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Body(error: .init(code: code, message: message)))) ?? Data()
        return ByteBuffer(bytes: data)
    }

    /// 429 `rate_limited`, with `Retry-After` (``headerFields``).
    public static func rateLimited(perSecond: Double) -> GatewayError {
        GatewayError(status: .tooManyRequests, code: rateLimitedCode,
                     message: "more than \(perSecond) requests per second; retry in a second")
    }

    /// The content type, and `Retry-After` for a 429.
    public var headerFields: HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .tooManyRequests { headers[.retryAfter] = "1" }
        return headers
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headerFields, body: .init(byteBuffer: body))
    }

    private struct Body: Encodable {
        struct Details: Encodable {
            var code: String
            var message: String
        }
        var error: Details

        /// `id` is null: an HTTP request has no id to echo.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(error, forKey: .error)
            try container.encodeNil(forKey: .id)
            try container.encode(false, forKey: .ok)
        }

        enum CodingKeys: String, CodingKey { case error, id, ok }
    }
}
