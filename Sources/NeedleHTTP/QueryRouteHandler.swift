import HTTPTypes
import NIOCore
import NIOHTTPTypes
import NeedleProtocol

/// Answers the query routes (``QueryRoute``) on the HTTP connection's event loop, inside
/// Hummingbird's channel pipeline, before any Swift task runs: from the index in this process at
/// once, or from `needled` when its reply line arrives.
///
/// Hummingbird hands each request to a task that reads it from an async sequence and writes the
/// response back through another: on two cores those hops cost more than the search itself. This
/// handler sits between the HTTP codec and Hummingbird, and answers a `GET` of a query route the
/// moment its head is read, as `needled` answers a request line: the same parameters, rate limit,
/// status, error bodies and metrics as the router's routes. Everything else goes on to
/// Hummingbird's router unchanged: other routes, targets over the limit (414), requests with a
/// body or `Connection: close`, and any request read while the router still owes an earlier
/// response on this connection.
///
/// Responses keep the order of the requests: answers are written in the order their requests
/// came, whichever reply arrives first, and a request for the router waits (with every request
/// read after it) until the answers before it are written. A quiesce event (graceful shutdown)
/// waits for them too.
final class QueryRouteHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// One answer to write, once it is known.
    private struct Answer {
        var status: HTTPResponse.Status
        var fields: HTTPFields
        var body: ByteBuffer
    }

    private let gateway: Gateway
    /// The request being read was answered here: its remaining parts are dropped.
    private var answering = false
    /// Requests passed on to the router whose response has not been written yet.
    private var routerOwes = 0
    /// Answers not yet written, in the order of their requests; nil until known.
    private var unwritten = CircularBuffer<Answer?>()
    /// Parts read while answers before them are unwritten and the router would answer them.
    private var held: [HTTPRequestPart] = []
    private var heldQuiesce = false

    init(gateway: Gateway) {
        self.gateway = gateway
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if held.isEmpty { handle(part, context: context) } else { held.append(part) }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { routerOwes = max(0, routerOwes - 1) }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, !unwritten.isEmpty {
            heldQuiesce = true
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func handle(_ part: HTTPRequestPart, context: ChannelHandlerContext) {
        switch part {
        case .head(let head):
            if routerOwes == 0, let route = route(of: head) {
                answering = true
                answer(head, route: route, context: context)
            } else if !unwritten.isEmpty {
                held.append(part)
            } else {
                answering = false
                routerOwes += 1
                context.fireChannelRead(wrapInboundOut(part))
            }
        case .body:
            if !answering { context.fireChannelRead(wrapInboundOut(part)) }
        case .end:
            if answering { answering = false } else { context.fireChannelRead(wrapInboundOut(part)) }
        }
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
        let request: NeedleProtocol.Request
        do throws(GatewayError) {
            guard gateway.limiter.admit(GatewayContext.client(of: context.channel)) else {
                throw GatewayError.rateLimited(perSecond: gateway.configuration.requestsPerSecond)
            }
            request = try route.request(query: head.path?.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init))
        } catch {
            return settle(at: enqueue(), Answer(status: error.status, fields: error.headerFields, body: error.body), route: route, context: context)
        }
        switch gateway.backend {
        case .inProcess(let responder):
            settle(at: enqueue(), Self.answer(GatewayBackend.reply(to: request, from: responder)), route: route, context: context)
        case .daemon(let pool):
            let position = enqueue()
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            pool.reply(to: request).hop(to: context.eventLoop).whenComplete { result in
                let (handler, context) = bound.value
                let answer: Answer
                switch result {
                case .success(let reply): answer = Self.answer(reply)
                case .failure(let error as GatewayError): answer = Answer(status: error.status, fields: error.headerFields, body: error.body)
                case .failure(let error):
                    let failure = GatewayError(.internal, "\(error)")
                    answer = Answer(status: failure.status, fields: failure.headerFields, body: failure.body)
                }
                handler.settle(at: position, answer, route: route, context: context)
            }
        }
    }

    private static func answer(_ reply: ByteBuffer) -> Answer {
        Answer(status: ReplyStatus.of(reply), fields: [.contentType: "application/json"], body: reply)
    }

    /// Takes the next place in line; places are counted from the oldest unwritten answer.
    private var written = 0
    private func enqueue() -> Int {
        unwritten.append(nil)
        return written + unwritten.count - 1
    }

    /// Records the answer at `position`, then writes every answer now known at the head of the
    /// line, and, once none is left, lets the held requests and quiesce event through.
    private func settle(at position: Int, _ answer: Answer, route: QueryRoute, context: ChannelHandlerContext) {
        gateway.metrics.record(route: route.rawValue, status: answer.status.code)
        unwritten[unwritten.index(unwritten.startIndex, offsetBy: position - written)] = answer
        while let first = unwritten.first, let ready = first {
            unwritten.removeFirst()
            written += 1
            write(ready, context: context)
        }
        guard unwritten.isEmpty else { return }
        if !held.isEmpty {
            let parts = held
            held = []
            for part in parts {
                if held.isEmpty { handle(part, context: context) } else { held.append(part) }
            }
            // Outside a read, Hummingbird's async channel passes on what it was given only at
            // the end of one.
            context.fireChannelReadComplete()
        }
        if heldQuiesce, unwritten.isEmpty {
            heldQuiesce = false
            context.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
    }

    private func write(_ answer: Answer, context: ChannelHandlerContext) {
        var fields = answer.fields
        fields[.contentLength] = String(answer.body.readableBytes)
        fields[.date] = HTTPDate.now
        fields[.server] = Gateway.serverName
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(answer.body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
