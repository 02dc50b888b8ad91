import NeedleProtocol

/// The human view of a search result: rank, title, kind and the snippet.
///
/// Matched terms, marked `[…]` on the wire, are shown in bold on a terminal and
/// left as `[…]` when the output is piped.
struct SearchResultView {
    let result: SearchResult
    let offset: Int
    let highlight: Bool

    var text: String {
        var lines = correctionLines
        guard !result.hits.isEmpty else {
            lines.append("no results (searched for: \(result.expanded.joined(separator: ", ")))")
            return lines.joined(separator: "\n") + "\n"
        }
        for (index, hit) in result.hits.enumerated() {
            lines.append("\(offset + index + 1). \(hit.title)  (\(hit.kind))  \(hit.slug)")
            let section = hit.section.map { "\($0): " } ?? ""
            lines.append("   " + section + styled(hit.snippet))
            if let explain = hit.explain { lines.append("   " + ScoreExplanationView(score: hit.score, explanation: explain).text) }
        }
        let shown = offset + result.hits.count
        lines.append("\(offset + 1)–\(shown) of \(result.total) · \(result.tookMicroseconds) µs")
        lines += InterpretationView(interpretations: result.interpretedAs).lines
        if let facets = result.facets { lines += facetLines(facets) }
        if let explain = result.explain { lines += ["match: \(explain.match)", "score: \(explain.formula)"] }
        return lines.joined(separator: "\n") + "\n"
    }

    private var correctionLines: [String] {
        guard let corrected = result.didYouMean else { return [] }
        return [result.corrected ? "showing results for: \(corrected)" : "did you mean: \(corrected)"]
    }

    private func facetLines(_ facets: Facets) -> [String] {
        func list(_ counts: [Facets.Count]) -> String { counts.map { "\($0.value) \($0.count)" }.joined(separator: ", ") }
        return ["by kind: \(list(facets.kind))", "by concern: \(list(facets.concern))"]
    }

    private func styled(_ snippet: String) -> String {
        let flat = snippet.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard highlight else { return flat }
        return flat.replacingOccurrences(of: "[", with: "\u{1B}[1m").replacingOccurrences(of: "]", with: "\u{1B}[0m")
    }
}
