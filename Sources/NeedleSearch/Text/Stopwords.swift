/// Function words that carry no meaning for ranking. A query drops them unless it
/// consists of nothing else, and they are never dropped from inside a phrase.
enum Stopwords {
    static let english: Set<String> = [
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "being", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "each", "few",
        "for", "from", "get", "got", "had", "has", "have", "having", "he", "her", "here", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "just", "me", "more", "most", "my", "no", "nor", "not", "of",
        "off", "on", "once", "only", "or", "other", "our", "out", "over", "own", "s", "same", "she", "should",
        "so", "some", "such", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    ]

    static func contains(_ token: String) -> Bool { english.contains(token) }
}
