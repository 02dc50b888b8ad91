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
        guard !result.hits.isEmpty else {
            return "no results (searched for: \(result.expanded.joined(separator: ", ")))\n"
        }
        var lines: [String] = []
        for (index, hit) in result.hits.enumerated() {
            lines.append("\(offset + index + 1). \(hit.title)  (\(hit.kind))  \(hit.slug)")
            let section = hit.section.map { "\($0): " } ?? ""
            lines.append("   " + section + styled(hit.snippet))
        }
        let shown = offset + result.hits.count
        lines.append("\(offset + 1)–\(shown) of \(result.total) · \(result.tookMicroseconds) µs")
        return lines.joined(separator: "\n") + "\n"
    }

    private func styled(_ snippet: String) -> String {
        let flat = snippet.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard highlight else { return flat }
        return flat.replacingOccurrences(of: "[", with: "\u{1B}[1m").replacingOccurrences(of: "]", with: "\u{1B}[0m")
    }
}
