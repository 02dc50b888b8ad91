import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NeedleHTTP
import NeedleProtocol
import NeedleTesting
import Testing

/// Each route of the gateway against a real `needled`: the JSON is the daemon's reply.
@Suite struct GatewayRouteTests {
    @Test func searchAnswersWithTheDaemonsReply() async throws {
        try await GatewayFixture.withGateway { client, daemon in
            let response = try await client.execute(uri: "/search?q=PCI&limit=2", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let direct = try await daemon.request(.search(SearchRequest(query: "PCI", limit: 2)), id: .null)
            let withoutTime = { (line: String) in line.replacingOccurrences(of: #""took_us":[0-9]+"#, with: "", options: .regularExpression) }
            #expect(withoutTime(String(buffer: response.body)) == withoutTime(direct.trimmingCharacters(in: .newlines)))
            let hits = try #require(try GatewayFixture.object(response)["hits"] as? [[String: Any]])
            #expect(hits.first?["slug"] as? String == "microneedling")
        }
    }

    @Test func searchParametersMirrorTheRequestFields() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/search?q=dark+spots&kind=ingredient&facets=true&explain=1&limit=5", method: .get)
            #expect(response.status == .ok)
            let reply = try GatewayFixture.object(response)
            let hits = try #require(reply["hits"] as? [[String: Any]])
            #expect(!hits.isEmpty)
            #expect(hits.allSatisfy { $0["kind"] as? String == "ingredient" })
            #expect(reply["facets"] != nil)
            #expect(reply["explain"] != nil)
        }
    }

    @Test func searchReportsTheCorrectionOfATypo() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let reply = try GatewayFixture.object(try await client.execute(uri: "/search?q=microneedlng", method: .get))
            #expect(reply["did_you_mean"] as? String == "microneedling")
        }
    }

    @Test func suggestCompletesAPrefix() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/suggest?q=micro&limit=3", method: .get)
            #expect(response.status == .ok)
            let suggestions = try #require(try GatewayFixture.object(response)["suggestions"] as? [[String: Any]])
            #expect(suggestions.first?["slug"] as? String == "microneedling")
            #expect(suggestions.count <= 3)
        }
    }

    @Test func askAnswersWithAPassageAndConfidence() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let uri = "/ask?q=How%20long%20is%20skin%20red%20after%20microneedling%3F&limit=1&min_confidence=0.1"
            let reply = try GatewayFixture.object(try await client.execute(uri: uri, method: .get))
            let answers = try #require(reply["answers"] as? [[String: Any]])
            #expect(answers.count == 1)
            #expect(answers.first?["slug"] as? String == "microneedling")
            #expect((answers.first?["confidence"] as? Double ?? 0) > 0.5)
        }
    }

    @Test func articleIsReadFromTheIndex() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/articles/microneedling", method: .get)
            #expect(response.status == .ok)
            let article = try JSONDecoder().decode(ArticleText.self, from: Data(response.body.readableBytesView))
            #expect(article.title == "Microneedling")
            #expect(article.kind == "treatment")
            #expect(article.aliases.contains("PCI"))
            #expect(article.concerns == ["acne scars", "enlarged pores"])
            #expect(article.passages.first?.heading == nil)
            #expect(article.passages.map(\.heading) == [nil, "Benefits", "Aftercare", "Can microneedling be done at home?"])
            #expect(article.passages.last?.parent == "FAQ")
        }
    }

    @Test func healthIsThePingReply() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == #"{"id":null,"ok":true}"#)
        }
    }

    @Test func metricsAreTheDaemonsAndTheGatewaysInPrometheusText() async throws {
        try await GatewayFixture.withGateway { client, _ in
            _ = try await client.execute(uri: "/search?q=botox", method: .get)
            _ = try await client.execute(uri: "/nowhere", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let lines = String(buffer: response.body).split(separator: "\n").map(String.init)
            #expect(lines.contains(#"needle_requests_total{op="search"} 1"#))
            #expect(lines.contains(#"needle_http_requests_total{route="/search",status="200"} 1"#))
            #expect(lines.contains(#"needle_http_requests_total{route="unmatched",status="404"} 1"#))
        }
    }

    @Test func theOpenAPIDocumentIsTheOneInDocsAndListsEveryRoute() async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            let file = try Data(contentsOf: GatewayFixture.repositoryRoot.appendingPathComponent("docs/openapi.json"))
            #expect(Data(response.body.readableBytesView) == file)
            let document = try GatewayFixture.object(response)
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(Set(paths.keys) == Set(Gateway.routes))
        }
    }

    @Test(arguments: [
        ("/", "text/html", "not medical advice"),
        ("/app.js", "text/javascript", "/suggest"),
        ("/style.css", "text/css", "#suggestions"),
    ])
    func thePageIsServed(path: String, type: String, contains text: String) async throws {
        try await GatewayFixture.withGateway { client, _ in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix(type) == true)
            #expect(String(buffer: response.body).contains(text))
        }
    }

    @Test(arguments: [
        "/search?q=PCI&limit=2", "/suggest?q=micro&limit=3", "/ask?q=How%20long%20is%20skin%20red%20after%20microneedling%3F&limit=1",
        "/search?q=acne&limit=-1", "/health",
    ])
    func theEventLoopAnswersAsTheRouterDoes(uri: String) async throws {
        let overRouter = try await GatewayFixture.withGateway { client, _ in try await client.execute(uri: uri, method: .get) }
        let overTCP = try await GatewayFixture.withGateway(.live) { client, _ in try await client.execute(uri: uri, method: .get) }
        #expect(overTCP.status == overRouter.status)
        #expect(overTCP.headers[.contentType] == "application/json")
        #expect(overTCP.headers[.server] == Gateway.serverName)
        #expect(GatewayFixture.withoutTime(String(buffer: overTCP.body)) == GatewayFixture.withoutTime(String(buffer: overRouter.body)))
    }

    @Test func pipelinedRequestsAreAnsweredInOrderWhateverReplyComesFirst() async throws {
        try await GatewayFixture.withGateway(.live) { client, _ in
            let port = try #require(client.port)
            let targets = [
                "/ask?q=How%20long%20is%20skin%20red%20after%20microneedling%20and%20what%20helps%3F&limit=3",
                "/suggest?q=micro", "/openapi.json", "/suggest?q=sunscr", "/health",
            ]
            let requests = targets.enumerated().map { number, target in
                "GET \(target) HTTP/1.1\r\nHost: localhost\r\n" + (number == targets.count - 1 ? "Connection: close\r\n" : "") + "\r\n"
            }
            let text = try RawHTTPExchange.send(requests.joined(), port: port)
            let marks = [#""answers""#, #""matched":"Microneedling""#, #""openapi""#, #""matched":"Sunscreen""#, #"{"id":null,"ok":true}"#]
            let places = try marks.map { try #require(text.range(of: $0)).lowerBound }
            #expect(places == places.sorted(), "\(text.prefix(2000))")
            #expect(text.components(separatedBy: "HTTP/1.1 200 OK").count == targets.count + 1)
        }
    }

    @Test func aLiveServerAnswersOverTCP() async throws {
        try await GatewayFixture.withGateway(.live) { client, _ in
            let response = try await client.execute(uri: "/suggest?q=skin+need", method: .get)
            #expect(response.status == .ok)
            let suggestions = try #require(try GatewayFixture.object(response)["suggestions"] as? [[String: Any]])
            #expect(suggestions.first?["matched"] as? String == "Skin needling")
        }
    }
}
