import Hummingbird

/// Answers every error as JSON: a ``GatewayError`` as it is, Hummingbird's own errors (no such
/// route: 404 `not_found`) and anything else (500 `internal`) turned into one.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = GatewayContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as GatewayError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try GatewayError.notFound("no route \(request.method) \(request.uri.path)").response(from: request, context: context)
        } catch let error as HTTPError {
            let gatewayError = GatewayError(
                status: error.status, code: error.status.code >= 500 ? "internal" : "bad_request",
                message: error.body ?? error.status.reasonPhrase)
            return try gatewayError.response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return try GatewayError(.internal, "\(error)").response(from: request, context: context)
        }
    }
}
