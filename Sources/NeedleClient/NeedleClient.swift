import Foundation
import NeedleProtocol

/// The typed async/await API of a running `needled`.
///
/// ```swift
/// import NeedleClient
///
/// let needle = NeedleClient()                     // the daemon's default socket
/// let reply = try await needle.ask("How long is skin red after microneedling?", minimumConfidence: 0.5)
/// if let best = reply.answers.first {
///     print(best.title, best.section ?? "introduction", best.confidence)
/// } else {
///     print("Not sure; see", reply.suggestions.map(\.title))
/// }
/// let hits = try await needle.search(SearchRequest(query: "acne scars", limit: 5, kind: "treatment"))
/// ```
///
/// Each call opens a connection, sends one request and closes it (about 0.1 ms on a Unix
/// socket); to pipeline many requests on one connection, use ``NeedleConnection``. A refused
/// request throws ``ClientError/daemon(code:message:)`` with the protocol's error code; a
/// missing daemon ``ClientError/noDaemon(socketPath:)``.
public struct NeedleClient: Sendable {
    /// The socket the daemon listens on.
    public let socketPath: String
    /// Who may listen on it: by default this process's user, or root.
    public let peerCheck: DaemonPeerCheck

    /// A client of the daemon on `socketPath` (default: as `needled` chooses, see ``SocketPath``).
    ///
    /// A listener that fails `peerCheck` gets nothing and the call throws ``UntrustedDaemon``.
    public init(socketPath: String = SocketPath.default(), peerCheck: DaemonPeerCheck = DaemonPeerCheck()) {
        self.socketPath = socketPath
        self.peerCheck = peerCheck
    }

    /// Ranked articles for a query: `try await needle.search(SearchRequest(query: "dark spots"))`.
    public func search(_ request: SearchRequest) async throws -> SearchResult {
        try Self.decode(SearchResult.self, from: try await replyLine(to: .search(request)))
    }

    /// Ranked articles for `query`: `try await needle.search("skin needling", limit: 3)`.
    public func search(_ query: String, limit: Int = 10) async throws -> SearchResult {
        try await search(SearchRequest(query: query, limit: limit))
    }

    /// The passages that best answer a question, each with a confidence from 0 to 1.
    public func ask(_ request: AskRequest) async throws -> AskResult {
        try Self.decode(AskResult.self, from: try await replyLine(to: .ask(request)))
    }

    /// The passages that best answer `question`: `try await needle.ask("does PCI hurt?")`.
    public func ask(_ question: String, limit: Int = 3, minimumConfidence: Double = 0) async throws -> AskResult {
        try await ask(AskRequest(question: question, limit: limit, minimumConfidence: minimumConfidence))
    }

    /// Articles whose title, alias or concern completes `prefix`: `try await needle.suggest("micron")`.
    public func suggest(_ prefix: String, limit: Int = SuggestRequest.defaultLimit) async throws -> SuggestResult {
        try Self.decode(SuggestResult.self, from: try await replyLine(to: .suggest(SuggestRequest(query: prefix, limit: limit))))
    }

    /// Returns when the daemon answers.
    public func ping() async throws {
        _ = try Self.decode(ResponseEnvelope.self, from: try await replyLine(to: .ping))
    }

    /// The daemon's counters and the index it serves.
    public func stats() async throws -> StatsResult {
        try Self.decode(StatsResult.self, from: try await replyLine(to: .stats))
    }

    /// Makes the daemon reopen its index file; returns the index it serves from now on.
    public func reload() async throws -> IndexInfo {
        try Self.decode(ReloadReply.self, from: try await replyLine(to: .reload)).index
    }

    /// The daemon's metrics in the Prometheus text exposition format.
    public func metrics() async throws -> String {
        try Self.decode(MetricsReply.self, from: try await replyLine(to: .metrics)).prometheus
    }

    /// Sends one request and returns the daemon's reply line as it is (for `--json` output).
    public func replyLine(to operation: NeedleProtocol.Operation) async throws -> String {
        try await NeedleConnection.with(socketPath: socketPath, peerCheck: peerCheck) { connection in
            try await connection.request(Request(id: .int(1), operation: operation))
        }
    }

    /// Decodes a reply line as `type`; an `ok:false` reply throws ``ClientError/daemon(code:message:)``.
    ///
    /// ```swift
    /// let result = try NeedleClient.decode(SearchResult.self, from: line)
    /// ```
    public static func decode<Result: Decodable>(_ type: Result.Type, from line: String) throws -> Result {
        let data = Data(line.utf8)
        do {
            let envelope = try JSONDecoder().decode(ResponseEnvelope.self, from: data)
            if !envelope.ok {
                throw ClientError.daemon(code: envelope.error?.code ?? "unknown", message: envelope.error?.message ?? "")
            }
            return try JSONDecoder().decode(Result.self, from: data)
        } catch let error as DecodingError {
            throw ClientError.badReply(String(describing: error))
        }
    }

    private struct ReloadReply: Decodable {
        var index: IndexInfo
    }

    private struct MetricsReply: Decodable {
        var prometheus: String
    }
}
