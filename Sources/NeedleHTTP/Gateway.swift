import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NeedleProtocol

/// The HTTP/JSON gateway to a Needle index: its routes, answered by `needled` over a
/// ``DaemonConnectionPool`` or by the index opened in this process (``GatewayBackend``).
///
/// `GET /search`, `/suggest` and `/ask` turn their query parameters into the socket request
/// (``QueryRoute``, ``RequestParameters``) and answer with the daemon's reply line as it is; `/health` is `ping`,
/// `/metrics` the daemon's Prometheus text plus the gateway's own counters; `/articles/{slug}`
/// reads the article from the index file (``ArticleReader``); `/`, `/app.js` and `/style.css`
/// are the search page, `/openapi.json` the API's description. ``server`` answers the query
/// routes on the connection's event loop (``QueryRouteHandler``) rather than through the router.
///
/// ```swift
/// let gateway = try Gateway(configuration: GatewayConfiguration(socketPath: "/tmp/needle.sock"))
/// let app = Application(router: gateway.router(), server: gateway.server,
///                       configuration: .init(address: .hostname("127.0.0.1", port: 8080)))
/// try await app.runService()
/// await gateway.backend.close()
/// ```
public struct Gateway: Sendable {
    /// The `Server` header of every response.
    public static let serverName = "needle-http"

    public let configuration: GatewayConfiguration
    public let backend: GatewayBackend
    public let metrics = GatewayMetrics()
    let limiter: RateLimiter
    private let articles: ArticleReader
    private let resources: PageResources

    /// A gateway to `needled` on `configuration.socketPath`. Throws when the page's resource files cannot be read.
    public init(configuration: GatewayConfiguration) throws {
        try self.init(
            configuration: configuration,
            backend: .daemon(DaemonConnectionPool(socketPath: configuration.socketPath, size: configuration.connections)))
    }

    /// A gateway answered by `backend`. Throws when the page's resource files cannot be read.
    public init(configuration: GatewayConfiguration, backend: GatewayBackend) throws {
        self.configuration = configuration
        self.backend = backend
        articles = ArticleReader(indexPath: configuration.indexPath)
        resources = try PageResources()
        limiter = RateLimiter(perSecond: configuration.requestsPerSecond, burst: configuration.burst)
    }

    /// Hummingbird's HTTP/1.1 server, with ``QueryRouteHandler`` in each connection's pipeline.
    public var server: HTTPServerBuilder {
        .http1(configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [QueryRouteHandler(gateway: self)]))
    }

    /// Every route the gateway serves, as listed in the OpenAPI document.
    public static let routes = ["/", "/app.js", "/style.css", "/search", "/suggest", "/ask", "/articles/{slug}", "/health", "/metrics", "/openapi.json"]

    public func router() -> Router<GatewayContext> {
        let router = Router(context: GatewayContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: RequestLimitMiddleware(configuration: configuration, limiter: limiter))
        for route in QueryRoute.allCases {
            router.get(RouterPath(route.rawValue)) { request, _ in try await forward(route.request(query: request.uri.query)) }
        }
        router.get("/metrics") { _, _ in try await prometheus() }
        router.get("/articles/{slug}") { _, context in try article(slug: context.parameters.require("slug")) }
        router.get("/openapi.json") { _, _ in file(resources.openAPI) }
        for (path, page) in resources.files {
            router.get(RouterPath(path)) { _, _ in file(page) }
        }
        return router
    }

    /// The daemon's reply line as the body; its error code, if any, chooses the status.
    private func forward(_ request: NeedleProtocol.Request) async throws -> Response {
        let reply = try await backend.reply(to: request)
        return Response(status: ReplyStatus.of(reply), headers: [.contentType: "application/json"], body: .init(byteBuffer: reply))
    }

    /// The daemon's metrics (its `metrics` op's `prometheus` string), then the gateway's.
    private func prometheus() async throws -> Response {
        let reply = try await backend.reply(to: NeedleProtocol.Request(id: nil, operation: .metrics))
        let status = ReplyStatus.of(reply)
        guard status == .ok else {
            return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: reply))
        }
        let daemon = try JSONDecoder().decode(MetricsReply.self, from: Data(reply.readableBytesView)).prometheus
        let text = daemon + (daemon.hasSuffix("\n") || daemon.isEmpty ? "" : "\n") + metrics.prometheusText()
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private struct MetricsReply: Decodable {
        var prometheus: String
    }

    private func article(slug: String) throws -> Response {
        guard let article = try articles.article(slug: slug) else { throw GatewayError.notFound("no article '\(slug)'") }
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: try article.encoded())))
    }

    private func file(_ file: PageResources.File) -> Response {
        var headers: HTTPFields = [.contentType: file.contentType, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"]
        if file.contentType.hasPrefix("text/html") {
            headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'"
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.contents))
    }
}
