import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NeedleHTTP
import NeedleServer
import NeedleTesting

/// A real `needled` on a temporary socket over the standard fixture corpus, and a gateway to it.
enum GatewayFixture {
    static let corpus: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()

    /// Starts a daemon, runs `body` with a client of a gateway to it (Hummingbird's router
    /// test client unless `setup` says otherwise; over `.live` the query routes are answered by
    /// `QueryRouteHandler`), then stops both.
    static func withGateway<Value: Sendable>(
        _ setup: TestingSetup = .router, configure: (inout GatewayConfiguration) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, DaemonProcess) async throws -> Value
    ) async throws -> Value {
        let daemon = try await DaemonProcess.start(index: corpus.indexPath)
        defer { daemon.kill() }
        var configuration = GatewayConfiguration(socketPath: daemon.socketPath, indexPath: corpus.indexPath)
        configure(&configuration)
        let gateway = try Gateway(configuration: configuration)
        defer { Task { await gateway.backend.close() } }
        let app = Application(router: gateway.router(), server: gateway.server)
        return try await app.test(setup) { client in try await body(client, daemon) }
    }

    /// Runs `body` with a client of a gateway answering from `indexPath` opened in this process,
    /// as `needle-http --in-process` does. Over `.live` (the default) the query routes are
    /// answered by ``QueryRouteHandler``; over `.router`, by the router.
    static func withInProcessGateway<Value: Sendable>(
        _ setup: TestingSetup = .live, indexPath: String = corpus.indexPath,
        configure: (inout GatewayConfiguration) -> Void = { _ in },
        _ body: @Sendable (any TestClientProtocol, IndexResponder) async throws -> Value
    ) async throws -> Value {
        var configuration = GatewayConfiguration(socketPath: "/nonexistent/needle.sock", indexPath: indexPath)
        configure(&configuration)
        let responder = IndexResponder(index: try NeedleServer.openIndex(path: indexPath, readers: 1), logger: Logger(label: "test"))
        let gateway = try Gateway(configuration: configuration, backend: .inProcess(responder))
        let app = Application(router: gateway.router(), server: gateway.server)
        return try await app.test(setup) { client in try await body(client, responder) }
    }

    /// A reply line without its `took_us`, which differs between two runs of the same request.
    static func withoutTime(_ line: String) -> String {
        line.trimmingCharacters(in: .newlines).replacingOccurrences(of: #""took_us":[0-9]+"#, with: "", options: .regularExpression)
    }

    /// The JSON object of a response body.
    static func object(_ response: TestResponse) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        guard let object = value as? [String: Any] else { throw FixtureFailure.notAnObject(String(buffer: response.body)) }
        return object
    }

    /// The `error.code` of an error body.
    static func errorCode(_ response: TestResponse) throws -> String? {
        (try object(response)["error"] as? [String: Any])?["code"] as? String
    }

    /// The repository's root, from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

enum FixtureFailure: Error {
    case notAnObject(String)
}
