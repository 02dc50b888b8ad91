import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NeedleHTTP
import NeedleProtocol
import NeedleTesting
import Testing

/// Every way a request can fail, answered as JSON with the protocol's code and the HTTP status
/// that fits it.
@Suite struct GatewayErrorTests {
    @Test(arguments: [
        ("/search", "missing parameter 'q'"),
        ("/search?q=acne&limit=ten", "parameter 'limit' must be an integer, got 'ten'"),
        ("/search?q=acne&limit=-1", "field 'limit' must be between 0"),
        ("/search?q=acne&offset=20000", "field 'offset' must be between 0 and 10000"),
        ("/search?q=acne&kind=spaceship", "kind"),
        ("/search?q=acne&facets=maybe", "parameter 'facets' must be true or false, got 'maybe'"),
        ("/search?q=%ZZ", "not valid percent-encoded UTF-8"),
        ("/suggest?limit=3", "missing parameter 'q'"),
        ("/ask?q=acne&min_confidence=2", "parameter 'min_confidence' must be between 0 and 1"),
        ("/ask?q=acne&min_confidence=-0.5", "parameter 'min_confidence' must be between 0 and 1"),
        ("/ask?q=acne&limit=1.5", "parameter 'limit' must be an integer, got '1.5'"),
    ])
    func aBadParameterIsA400BadRequest(uri: String, message: String) async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/json")
            let error = try #require(try GatewayFixture.object(response)["error"] as? [String: Any])
            #expect(error["code"] as? String == "bad_request")
            #expect((error["message"] as? String)?.contains(message) == true, "\(error)")
        }
    }

    @Test func anUnknownRouteIsA404NotFound() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/fly", method: .get)
            #expect(response.status == .notFound)
            #expect(try GatewayFixture.errorCode(response) == "not_found")
            #expect(String(buffer: response.body).hasSuffix(#""id":null,"ok":false}"#))
        }
    }

    @Test func anUnknownArticleIsA404NotFound() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/articles/no-such-article", method: .get)
            #expect(response.status == .notFound)
            #expect(try GatewayFixture.errorCode(response) == "not_found")
        }
    }

    @Test func anOverlongTargetIsA414() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/search?q=" + String(repeating: "a", count: 9000), method: .get)
            #expect(response.status == .uriTooLong)
            #expect(try GatewayFixture.errorCode(response) == "line_too_long")
        }
    }

    @Test func aLargeBodyIsA413() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let body = ByteBuffer(repeating: 0x61, count: 4096)
            let response = try await client.execute(uri: "/search?q=acne", method: .get, headers: [.contentLength: "4096"], body: body)
            #expect(response.status == .contentTooLarge)
            #expect(try GatewayFixture.errorCode(response) == "line_too_long")
        }
    }

    @Test func aClientOverItsRateGets429WithRetryAfter() async throws {
        try await GatewayFixture.withGateway(configure: { $0.requestsPerSecond = 0.001; $0.burst = 2 }) { client, _ in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let refused = try await client.execute(uri: "/health", method: .get)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(try GatewayFixture.errorCode(refused) == "rate_limited")
        }
    }

    @Test func aDaemonThatIsNotRunningIsA503() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-http")
        defer { directory.remove() }
        let gateway = try Gateway(configuration: GatewayConfiguration(
            socketPath: directory.file("absent.sock"), indexPath: directory.file("absent.sqlite")))
        for setup in [TestingSetup.router, .live] {
            try await Application(router: gateway.router(), server: gateway.server).test(setup) { client in
                let health = try await client.execute(uri: "/health", method: .get)
                #expect(health.status == .serviceUnavailable)
                #expect(try GatewayFixture.errorCode(health) == "internal")
                let article = try await client.execute(uri: "/articles/microneedling", method: .get)
                #expect(article.status == .serviceUnavailable)
            }
        }
    }

    @Test func theGatewayReconnectsWhenTheDaemonRestarts() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-http")
        defer { directory.remove() }
        let socket = directory.file("needle.sock")
        let index = GatewayFixture.corpus.indexPath
        let first = try await DaemonProcess.start(index: index, socketPath: socket)
        let gateway = try Gateway(configuration: GatewayConfiguration(socketPath: socket, indexPath: index, connections: 1))
        defer { Task { await gateway.backend.close() } }
        try await Application(router: gateway.router()).test(.router) { client in
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            first.kill()
            let second = try await DaemonProcess.start(index: index, socketPath: socket)
            defer { second.kill() }
            var status = try await client.execute(uri: "/health", method: .get).status
            // The first request may meet the old connection's end; the next one connects anew.
            if status != .ok { status = try await client.execute(uri: "/health", method: .get).status }
            #expect(status == .ok)
        }
    }
}

/// The status chosen for each reply line, without decoding it.
@Suite struct ReplyStatusTests {
    @Test(arguments: ErrorCode.allCases)
    func anErrorReplyGetsTheStatusOfItsCode(code: ErrorCode) {
        let line = #"{"error":{"code":"\#(code.rawValue)","message":"x \"ok\":true"},"id":7,"ok":false}"#
        #expect(ReplyStatus.of(ByteBuffer(string: line)) == GatewayError.status(for: code))
    }

    @Test func aSuccessfulReplyIs200EvenWhenItsTextMentionsErrors() {
        let line = #"{"hits":[{"snippet":"\"ok\":false \"code\":\"timeout\""}],"ok":true}"#
        #expect(ReplyStatus.of(ByteBuffer(string: line)) == .ok)
    }

    @Test func theStatusesFollowTheCodes() {
        #expect(GatewayError.status(for: .badRequest) == .badRequest)
        #expect(GatewayError.status(for: .timeout) == .gatewayTimeout)
        #expect(GatewayError.status(for: .tooManyConnections) == .serviceUnavailable)
        #expect(GatewayError.status(for: .internal) == .internalServerError)
    }
}

/// Query strings decoded as browsers encode them.
@Suite struct QueryStringTests {
    @Test func plusIsASpaceAndPercentEscapesAreUTF8() throws {
        let query = try QueryString("q=skin+needling%3F&x=caf%C3%A9&q=second&empty=&flag")
        #expect(query["q"] == "skin needling?")
        #expect(query["x"] == "café")
        #expect(query["empty"] == "")
        #expect(query["flag"] == "")
        #expect(query["absent"] == nil)
    }

    @Test func anEncodedPlusStaysAPlus() throws {
        #expect(try QueryString("q=c%2B%2B")["q"] == "c++")
        #expect(try QueryString("q=c%2b%2b")["q"] == "c++")
    }

    @Test(arguments: ["q=caf%c3%a9", "q=caf%C3%A9", "q=caf%C3%a9", "q=caf%c3%A9"])
    func hexDigitsMayBeEitherCase(query: String) throws {
        #expect(try QueryString(query)["q"] == "café")
    }

    @Test(arguments: ["q=%", "q=%4", "q=a%4", "q=%G1", "q=%1G", "q=%C3", "q=%FF", "q=%C3%28", "q=%ED%A0%80", "%ZZ=1"])
    func aBrokenEscapeOrBytesThatAreNotUTF8AreRefused(query: String) {
        #expect(throws: GatewayError(.badRequest, "the query string is not valid percent-encoded UTF-8")) { try QueryString(query) }
    }

    @Test func parametersBecomeTheSocketRequest() throws {
        let request = try RequestParameters.search(QueryString("q=PCI&limit=2&offset=4&kind=treatment&concern=acne+scars&facets=true"))
        #expect(request.operation == .search(SearchRequest(query: "PCI", limit: 2, offset: 4, kind: "treatment", concern: "acne scars", facets: true)))
        let ask = try RequestParameters.ask(QueryString("q=why&min_confidence=0.5"))
        #expect(ask.operation == .ask(AskRequest(question: "why", minimumConfidence: 0.5)))
        #expect(try RequestParameters.suggest(QueryString("q=mic")).operation == .suggest(SuggestRequest(query: "mic")))
    }
}
