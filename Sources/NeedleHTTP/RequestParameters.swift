import NeedleProtocol

/// Turns a route's query parameters into the socket request it stands for. The parameters
/// mirror the request's fields (`q`, `limit`, `offset`, `facets`, `explain`, `min_confidence`),
/// with the `filter` object's fields as `kind` and `concern`.
///
/// Only what the URL cannot carry as the right JSON type is refused here (`limit=ten`); ranges
/// and kinds are the daemon's to judge, so its messages and limits hold over HTTP unchanged.
///
/// ```swift
/// let request = try RequestParameters.search(QueryString("q=PCI&limit=2&kind=treatment"))
/// request.encodedLine()   // {"filter":{"kind":"treatment"},"limit":2,"offset":0,"op":"search","q":"PCI"}\n
/// ```
public enum RequestParameters {
    /// `GET /search`.
    public static func search(_ query: QueryString) throws(GatewayError) -> Request {
        let search = SearchRequest(
            query: try query.requiredString("q"),
            limit: try query.integer("limit", default: 10),
            offset: try query.integer("offset", default: 0),
            kind: query.optionalString("kind"),
            concern: query.optionalString("concern"),
            facets: try query.boolean("facets"),
            explain: try query.boolean("explain"))
        return Request(id: nil, operation: .search(search))
    }

    /// `GET /suggest`.
    public static func suggest(_ query: QueryString) throws(GatewayError) -> Request {
        let suggest = SuggestRequest(
            query: try query.requiredString("q"),
            limit: try query.integer("limit", default: SuggestRequest.defaultLimit))
        return Request(id: nil, operation: .suggest(suggest))
    }

    /// `GET /ask`.
    public static func ask(_ query: QueryString) throws(GatewayError) -> Request {
        let ask = AskRequest(
            question: try query.requiredString("q"),
            limit: try query.integer("limit", default: 3),
            minimumConfidence: try minimumConfidence(query),
            kind: query.optionalString("kind"),
            concern: query.optionalString("concern"),
            explain: try query.boolean("explain"))
        return Request(id: nil, operation: .ask(ask))
    }

    /// Checked here because the request line leaves out a confidence of 0 or less, so the daemon
    /// would never see a negative one.
    private static func minimumConfidence(_ query: QueryString) throws(GatewayError) -> Double {
        let value = try query.number("min_confidence", default: 0)
        guard (0...1).contains(value) else { throw GatewayError(.badRequest, "parameter 'min_confidence' must be between 0 and 1") }
        return value
    }
}
