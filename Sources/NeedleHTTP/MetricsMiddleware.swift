import Hummingbird

/// Counts each answer in ``GatewayMetrics`` under its route's pattern; outermost, so refusals
/// and errors (already turned into responses) are counted too.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = GatewayContext

    let metrics: GatewayMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        metrics.record(route: Self.route(context.endpointPath), status: response.status.code)
        return response
    }

    /// The route's pattern; Hummingbird names a request that matched no route `NotFound` (or nothing).
    static func route(_ endpointPath: String?) -> String {
        guard let path = endpointPath, path.hasPrefix("/") else { return "unmatched" }
        return path
    }
}
