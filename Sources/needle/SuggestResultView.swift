import NeedleProtocol

/// The human view of suggestions: one line each, title, kind and slug, and the name that
/// matched when it is not the title.
struct SuggestResultView {
    let result: SuggestResult

    var text: String {
        guard !result.suggestions.isEmpty else { return "no suggestions\n" }
        return result.suggestions.map { suggestion in
            let matched = suggestion.matched == suggestion.text ? "" : "  (matched \"\(suggestion.matched)\")"
            return "\(suggestion.text)  (\(suggestion.kind))  \(suggestion.slug)\(matched)\n"
        }.joined()
    }
}
