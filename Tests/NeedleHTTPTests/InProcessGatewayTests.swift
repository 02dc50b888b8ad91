import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NeedleHTTP
import NeedleProtocol
import NeedleTesting
import Testing

/// The gateway with the index in its own process (`needle-http --in-process`), over a real TCP
/// server, so the query routes are answered by `QueryRouteHandler` and the rest by the router.
@Suite struct InProcessGatewayTests {
    @Test(arguments: [
        ("/search?q=PCI&limit=2", NeedleProtocol.Operation.search(SearchRequest(query: "PCI", limit: 2))),
        ("/search?q=dark+spots&kind=ingredient&facets=true&explain=1&limit=5",
         .search(SearchRequest(query: "dark spots", limit: 5, kind: "ingredient", facets: true, explain: true))),
        ("/suggest?q=micro&limit=3", .suggest(SuggestRequest(query: "micro", limit: 3))),
        ("/ask?q=How%20long%20is%20skin%20red%20after%20microneedling%3F&limit=1",
         .ask(AskRequest(question: "How long is skin red after microneedling?", limit: 1))),
        ("/search?q=acne&limit=100000", .search(SearchRequest(query: "acne", limit: 100_000))),
        ("/health", .ping),
    ])
    func aQueryRouteAnswersAsTheDaemonDoes(uri: String, operation: NeedleProtocol.Operation) async throws {
        let daemon = try await DaemonProcess.start(index: GatewayFixture.corpus.indexPath)
        defer { daemon.kill() }
        let direct = try await daemon.request(operation, id: .null)
        try await GatewayFixture.withInProcessGateway { client, _ in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(GatewayFixture.withoutTime(String(buffer: response.body)) == GatewayFixture.withoutTime(direct))
        }
    }

    @Test func theAnswerCarriesLengthDateAndServer() async throws {
        try await GatewayFixture.withInProcessGateway { client, _ in
            let response = try await client.execute(uri: "/suggest?q=micro", method: .get)
            #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            #expect(response.headers[.server] == Gateway.serverName)
            let date = try #require(response.headers[.date])
            #expect(date.hasSuffix(" GMT") && date.count == "Thu, 03 Dec 2026 15:04:05 GMT".count, "\(date)")
        }
    }

    @Test(arguments: [
        ("/search?q=acne&limit=ten", HTTPResponse.Status.badRequest, "bad_request"),
        ("/suggest", .badRequest, "bad_request"),
        ("/ask?q=acne&min_confidence=2", .badRequest, "bad_request"),
        ("/search?q=acne&limit=-1", .badRequest, "bad_request"),
        ("/search?q=acne&kind=potion", .badRequest, "bad_request"),
        ("/search?q=" + String(repeating: "a", count: 9000), .uriTooLong, "line_too_long"),
        ("/nowhere", .notFound, "not_found"),
        ("/articles/no-such-article", .notFound, "not_found"),
    ])
    func anErrorIsAnsweredInTheProtocolsShape(uri: String, status: HTTPResponse.Status, code: String) async throws {
        try await GatewayFixture.withInProcessGateway { client, _ in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == status)
            #expect(try GatewayFixture.errorCode(response) == code)
            #expect(try GatewayFixture.object(response)["ok"] as? Bool == false)
        }
    }

    @Test func aClientOverItsRateGets429WithRetryAfter() async throws {
        try await GatewayFixture.withInProcessGateway(configure: { $0.requestsPerSecond = 0.001; $0.burst = 2 }) { client, _ in
            #expect(try await client.execute(uri: "/suggest?q=a", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/search?q=acne", method: .get).status == .ok)
            let refused = try await client.execute(uri: "/health", method: .get)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] == "1")
            #expect(try GatewayFixture.errorCode(refused) == "rate_limited")
            #expect(try await client.execute(uri: "/openapi.json", method: .get).status == .tooManyRequests)
        }
    }

    @Test func metricsCountTheAnswersOfBothPaths() async throws {
        try await GatewayFixture.withInProcessGateway { client, _ in
            _ = try await client.execute(uri: "/search?q=botox", method: .get)
            _ = try await client.execute(uri: "/search?q=botox&limit=ten", method: .get)
            _ = try await client.execute(uri: "/nowhere", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            let lines = String(buffer: response.body).split(separator: "\n").map(String.init)
            #expect(lines.contains(#"needle_requests_total{op="search"} 1"#))
            #expect(lines.contains(#"needle_http_requests_total{route="/search",status="200"} 1"#))
            #expect(lines.contains(#"needle_http_requests_total{route="/search",status="400"} 1"#))
            #expect(lines.contains(#"needle_http_requests_total{route="unmatched",status="404"} 1"#))
        }
    }

    @Test func theRouterAnswersTheSameWithoutTheHandler() async throws {
        let overTCP = try await GatewayFixture.withInProcessGateway { client, _ in
            String(buffer: try await client.execute(uri: "/search?q=PCI&limit=2", method: .get).body)
        }
        let overRouter = try await GatewayFixture.withInProcessGateway(.router) { client, _ in
            String(buffer: try await client.execute(uri: "/search?q=PCI&limit=2", method: .get).body)
        }
        #expect(GatewayFixture.withoutTime(overTCP) == GatewayFixture.withoutTime(overRouter))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await GatewayFixture.withInProcessGateway { client, _ in
            let port = try #require(client.port)
            let requests = ["/openapi.json", "/suggest?q=micro", "/health"].enumerated().map { number, target in
                "GET \(target) HTTP/1.1\r\nHost: localhost\r\n" + (number == 2 ? "Connection: close\r\n" : "") + "\r\n"
            }
            let text = try RawHTTPExchange.send(requests.joined(), port: port)
            let openAPI = try #require(text.range(of: #""openapi""#)).lowerBound
            let suggestion = try #require(text.range(of: #""suggestions""#)).lowerBound
            let pong = try #require(text.range(of: #"{"id":null,"ok":true}"#)).lowerBound
            #expect(openAPI < suggestion && suggestion < pong)
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == 4)
        }
    }

    @Test func theIndexIsReloadedWhenItsFileIsReplaced() async throws {
        let replacement = try CorpusFixture(articles: [
            "zinc-oxide": CorpusFixture.article(title: "Zinc oxide", kind: "ingredient", body: "A mineral sunscreen filter."),
        ])
        defer { replacement.remove() }
        let directory = try TemporaryDirectory(prefix: "needle-http")
        defer { directory.remove() }
        let served = directory.file("needle.sqlite")
        try FileManager.default.copyItem(atPath: GatewayFixture.corpus.indexPath, toPath: served)
        try await GatewayFixture.withInProcessGateway(indexPath: served) { client, responder in
            let reloading = await responder.startReloading(watchInterval: .milliseconds(50))
            defer { reloading.cancel() }
            #expect(String(buffer: try await client.execute(uri: "/suggest?q=zin", method: .get).body).contains(#""suggestions":[]"#))
            try FileManager.default.copyItem(atPath: try replacement.buildIndex(), toPath: served + ".new")
            #expect(rename(served + ".new", served) == 0)
            var body = ""
            for _ in 0..<100 where !body.contains("Zinc oxide") {
                try await Task.sleep(for: .milliseconds(50))
                body = String(buffer: try await client.execute(uri: "/suggest?q=zin", method: .get).body)
            }
            #expect(body.contains("Zinc oxide"))
        }
    }
}
