import Hummingbird

/// Refuses what the gateway will not serve before any route runs: an overlong target (414),
/// a body larger than the limit (413) and clients over their rate (429). Each refusal is a
/// ``GatewayError``, answered as JSON.
struct RequestLimitMiddleware: RouterMiddleware {
    typealias Context = GatewayContext

    let configuration: GatewayConfiguration
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let target = request.uri.string.utf8.count
        guard target <= configuration.maximumTargetLength else {
            throw GatewayError(status: .uriTooLong, code: "line_too_long",
                               message: "request target of \(target) bytes is longer than \(configuration.maximumTargetLength)")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maximumBodyLength {
            throw GatewayError(status: .contentTooLarge, code: "line_too_long",
                               message: "request body of \(length) bytes is longer than \(configuration.maximumBodyLength)")
        }
        guard limiter.admit(context.client) else {
            throw GatewayError.rateLimited(perSecond: configuration.requestsPerSecond)
        }
        return try await next(request, context)
    }
}
