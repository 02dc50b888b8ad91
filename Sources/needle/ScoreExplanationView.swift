import NeedleProtocol

/// One line of score parts for `--explain`: `score 2.5 = bm25 1.0 + name 1.0 ("PCI", synonym ×1) · heading 0.5 · fields title 3.2, body 0.4`.
struct ScoreExplanationView {
    let score: Double
    let explanation: ScoreExplanation

    var text: String {
        var parts = ["score \(score): bm25 \(explanation.bm25) (\(explanation.bm25Normalized) of best)"]
        if let name = explanation.matchedName {
            parts.append("name \(explanation.nameMatch) (\"\(name)\", synonym ×\(explanation.synonymWeight))")
        }
        parts.append("heading \(explanation.headingMatch)")
        if let passage = explanation.passageMatch { parts.append("passage \(passage)") }
        let fields = explanation.fields.filter { $0.value != 0 }.sorted { $0.value > $1.value }
        if !fields.isEmpty { parts.append("fields " + fields.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
