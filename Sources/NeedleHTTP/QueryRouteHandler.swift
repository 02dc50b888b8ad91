import HTTPTypes
import NIOCore
import NIOHTTPTypes
import NeedleServer

/// Answers the query routes (``QueryRoute``) from an index in this process on the HTTP
/// connection's event loop, inside Hummingbird's channel pipeline, before any Swift task runs.
///
/// Hummingbird hands each request to a task that reads it from an async sequence and writes the
/// response back through another: on two cores those hops cost more than the search itself. This
/// handler sits between the HTTP codec and Hummingbird, and answers a `GET` of a query route
/// the moment its head is read, as `needled` answers a request line: the same parameters, rate
/// limit, status, error bodies and metrics as the router's routes. Everything else goes on to
/// Hummingbird's router unchanged: other routes, targets over the limit (414), requests with a
/// body or `Connection: close`, and any request read while the router still owes an earlier
/// response on this connection, so responses keep the order of the requests.
final class QueryRouteHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let responder: IndexResponder
    private let gateway: Gateway
    /// The request being read was answered here: its remaining parts are dropped.
    private var answered = false
    /// Requests passed on to the router whose response has not been written yet.
    private var routerOwes = 0

    init(responder: IndexResponder, gateway: Gateway) {
        self.responder = responder
        self.gateway = gateway
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if routerOwes == 0, let route = route(of: head) {
                answered = true
                answer(head, route: route, context: context)
            } else {
                answered = false
                routerOwes += 1
                context.fireChannelRead(data)
            }
        case .body:
            if !answered { context.fireChannelRead(data) }
        case .end:
            if answered { answered = false } else { context.fireChannelRead(data) }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { routerOwes = max(0, routerOwes - 1) }
        context.write(data, promise: promise)
    }

    /// The query route `head` asks for, when this handler may answer it.
    private func route(of head: HTTPRequest) -> QueryRoute? {
        guard head.method == .get, let target = head.path, target.utf8.count <= gateway.configuration.maximumTargetLength,
              head.headerFields[.contentLength] == nil, head.headerFields[.transferEncoding] == nil,
              head.headerFields[.connection]?.lowercased().contains("close") != true
        else { return nil }
        return QueryRoute(path: target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    private func answer(_ head: HTTPRequest, route: QueryRoute, context: ChannelHandlerContext) {
        let status: HTTPResponse.Status
        do throws(GatewayError) {
            guard gateway.limiter.admit(GatewayContext.client(of: context.channel)) else {
                throw GatewayError.rateLimited(perSecond: gateway.configuration.requestsPerSecond)
            }
            let query = head.path?.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init)
            let reply = GatewayBackend.reply(to: try route.request(query: query), from: responder)
            status = ReplyStatus.of(reply)
            write(status: status, fields: [.contentType: "application/json"], body: reply, context: context)
        } catch {
            status = error.status
            write(status: status, fields: error.headerFields, body: error.body, context: context)
        }
        gateway.metrics.record(route: route.rawValue, status: status.code)
    }

    private func write(status: HTTPResponse.Status, fields: HTTPFields, body: ByteBuffer, context: ChannelHandlerContext) {
        var fields = fields
        fields[.contentLength] = String(body.readableBytes)
        fields[.date] = HTTPDate.now
        fields[.server] = Gateway.serverName
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
