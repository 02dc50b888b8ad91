import NeedleProtocol

/// Why a search request cannot be answered as asked.
public enum SearchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `filter.kind` names no article kind.
    case unknownKind(String)

    public var description: String {
        switch self {
        case .unknownKind(let kind):
            let kinds = ["treatment", "concern", "ingredient", "procedure-care", "guide"].joined(separator: ", ")
            return "unknown kind '\(kind)' in filter (known: \(kinds))"
        }
    }
}

extension SearchError {
    /// The reply to a request that asked for this: `bad_request`, with this error's description.
    public func protocolError(id: JSONValue?) -> ProtocolError {
        ProtocolError(id: id, .badRequest, description)
    }
}
