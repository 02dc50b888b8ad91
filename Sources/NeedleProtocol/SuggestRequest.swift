/// `{"op":"suggest","q":"micron","limit":8}`: names that complete what the user is typing.
public struct SuggestRequest: Sendable, Hashable {
    /// How many suggestions a request gets when it names no `limit`.
    public static let defaultLimit = 8
    /// The largest `limit` a request may ask for; larger values are capped to it.
    public static let maximumLimit = 50

    /// The text typed so far; its last word may be unfinished.
    public var query: String
    public var limit: Int

    public init(query: String, limit: Int = SuggestRequest.defaultLimit) {
        self.query = query
        self.limit = limit
    }
}
