import HTTPTypes
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import NeedleServer
import Testing

@testable import NeedleHTTP

/// `QueryRouteHandler` in a pipeline of its own: which requests it answers and which it passes
/// on to the router, so that responses keep the order of the requests.
@Suite struct QueryRouteHandlerTests {
    private static let responder = IndexResponder(
        index: try! NeedleServer.openIndex(path: GatewayFixture.corpus.indexPath, readers: 1), logger: Logger(label: "test"))

    private func channel() throws -> EmbeddedChannel {
        let gateway = try Gateway(
            configuration: GatewayConfiguration(socketPath: "/nonexistent", requestsPerSecond: 0), backend: .inProcess(Self.responder))
        return EmbeddedChannel(handler: QueryRouteHandler(gateway: gateway))
    }

    private func get(_ target: String, _ fields: HTTPFields = [:], on channel: EmbeddedChannel) throws {
        try channel.writeInbound(HTTPRequestPart.head(HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: target, headerFields: fields)))
        try channel.writeInbound(HTTPRequestPart.end(nil))
    }

    /// The response the handler wrote: its status and body.
    private func answer(on channel: EmbeddedChannel) throws -> (HTTPResponse.Status, String)? {
        guard case .head(let head)? = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        guard case .body(let body)? = try channel.readOutbound(as: HTTPResponsePart.self),
              case .end? = try channel.readOutbound(as: HTTPResponsePart.self) else { return nil }
        return (head.status, String(buffer: body))
    }

    @Test func aQueryRouteIsAnsweredHereAndNotPassedOn() throws {
        let channel = try channel()
        try get("/suggest?q=micro", on: channel)
        let (status, body) = try #require(try answer(on: channel))
        #expect(status == .ok)
        #expect(body.contains(#""slug":"microneedling""#))
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == nil)
    }

    /// Other routes, an overlong target, `Connection: close`, a body.
    static let passedOn: [(String, HTTPFields)] = [
        ("/openapi.json", [:]),
        ("/articles/microneedling", [:]),
        ("/search?q=" + String(repeating: "a", count: 9000), [:]),
        ("/search?q=acne", [.connection: "close"]),
        ("/search?q=acne", [.contentLength: "3"]),
    ]

    @Test(arguments: passedOn)
    func anythingElseGoesOnToTheRouter(target: String, fields: HTTPFields) throws {
        let channel = try channel()
        try get(target, fields, on: channel)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        guard case .head(let head)? = try channel.readInbound(as: HTTPRequestPart.self) else { Issue.record("no head passed on"); return }
        #expect(head.path == target)
        #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
    }

    @Test func aQueryRouteWaitsBehindTheRoutersUnwrittenResponse() throws {
        let channel = try channel()
        try get("/openapi.json", on: channel)
        try get("/suggest?q=micro", on: channel)
        #expect(try channel.readOutbound(as: HTTPResponsePart.self) == nil)
        for _ in 0..<2 {
            guard case .head? = try channel.readInbound(as: HTTPRequestPart.self) else { Issue.record("no head passed on"); return }
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
        }
        // The router answers both; then the handler answers again.
        for _ in 0..<2 {
            try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
            try channel.writeOutbound(HTTPResponsePart.end(nil))
        }
        while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
        try get("/health", on: channel)
        let (status, body) = try #require(try answer(on: channel))
        #expect(status == .ok)
        #expect(body == #"{"id":null,"ok":true}"#)
    }
}
