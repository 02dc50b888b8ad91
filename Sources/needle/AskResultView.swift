import NeedleProtocol

/// The human view of an `ask` reply: each answer's article, section and confidence, then its text;
/// or, when nothing was confident enough, the articles to read instead.
struct AskResultView {
    let result: AskResult

    var text: String {
        var lines: [String] = []
        if let corrected = result.didYouMean {
            lines.append(result.corrected ? "answering: \(corrected)" : "did you mean: \(corrected)")
        }
        if result.answers.isEmpty {
            lines.append("no confident answer")
            if !result.suggestions.isEmpty {
                lines.append("try reading: " + result.suggestions.map { "\($0.title) (\($0.slug))" }.joined(separator: ", "))
            }
        }
        for (index, answer) in result.answers.enumerated() {
            let section = answer.section.map { " — \($0)" } ?? ""
            lines.append("\(index + 1). \(answer.title)\(section)  (confidence \(answer.confidence))  \(answer.slug)")
            lines += answer.text.split(separator: "\n").map { "   " + $0 }
            if let explain = answer.explain { lines.append("   " + ScoreExplanationView(score: answer.score, explanation: explain).text) }
        }
        let intent = result.intent.map { "asks about: \($0) · " } ?? ""
        lines.append("\(intent)topic: \(result.topic.isEmpty ? "—" : result.topic) · \(result.tookMicroseconds) µs")
        lines += InterpretationView(interpretations: result.interpretedAs).lines
        return lines.joined(separator: "\n") + "\n"
    }
}
