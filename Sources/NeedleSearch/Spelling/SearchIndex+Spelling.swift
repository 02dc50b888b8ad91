extension SearchIndex {
    /// The closest word of the index for a folded query token it does not know, on one
    /// of the pool's connections (see ``SpellingCorrector`` for the rules).
    ///
    /// ```swift
    /// try await index.correction(for: "melazma")?.word           // "melasma"
    /// try await index.correction(for: "hyperpigmantation")?.word // "hyperpigmentation"
    /// try await index.correction(for: "melasma")                 // nil: a known word
    /// ```
    ///
    /// Inside a `pool.read` closure, call `corrector.correction(for:in:)` with its
    /// connection instead: GRDB connections are not reentrant.
    public func correction(for token: String) async throws -> SpellingCorrector.Correction? {
        let corrector = self.corrector
        return try await pool.read { db in try corrector.correction(for: token, in: db) }
    }
}
