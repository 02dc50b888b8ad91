import NeedleProtocol

/// The routes that are one protocol request each: `GET /search`, `/suggest`, `/ask` and
/// `/health` (`ping`). Both the router and ``QueryRouteHandler`` read them here, so a route means
/// the same request whichever answers it.
///
/// ```swift
/// try QueryRoute(path: "/suggest")?.request(query: "q=micro")   // the suggest request for "micro"
/// ```
public enum QueryRoute: String, CaseIterable, Sendable {
    case search = "/search"
    case suggest = "/suggest"
    case ask = "/ask"
    case health = "/health"

    /// The route with this exact path, nil for any other.
    public init?(path: Substring) {
        self.init(rawValue: String(path))
    }

    /// The socket request the URL's query string stands for; a parameter the URL cannot carry
    /// as the right type is a `bad_request` ``GatewayError``.
    public func request(query: String?) throws(GatewayError) -> Request {
        switch self {
        case .search: return try RequestParameters.search(QueryString(query))
        case .suggest: return try RequestParameters.suggest(QueryString(query))
        case .ask: return try RequestParameters.ask(QueryString(query))
        case .health: return Request(id: nil, operation: .ping)
        }
    }
}
