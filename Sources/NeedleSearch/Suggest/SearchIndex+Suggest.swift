import NeedleProtocol

extension SearchIndex {
    /// Article names that complete what the user is typing, answered from memory
    /// (see ``NameCompleter``): no database access, fast enough for every keystroke.
    ///
    /// ```swift
    /// index.suggest(SuggestRequest(query: "micron")).suggestions.first?.slug // "microneedling"
    /// index.suggest(SuggestRequest(query: "pc")).suggestions.first?.matched  // "PCI"
    /// index.suggest(SuggestRequest(query: "mirco")).suggestions.first?.slug  // "microneedling" (a typo)
    /// ```
    ///
    /// An empty or blank query, or a `limit` of 0, gets no suggestions.
    public func suggest(_ request: SuggestRequest) -> SuggestResult {
        let clock = ContinuousClock()
        let start = clock.now
        let suggestions = completer.suggestions(for: request.query, limit: request.limit)
        return SuggestResult(tookMicroseconds: Int((clock.now - start) / .microseconds(1)), suggestions: suggestions)
    }
}
