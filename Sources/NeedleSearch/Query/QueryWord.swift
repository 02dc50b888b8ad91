import Synchronization

/// A folded token of a query with what every stage of reading it asks of it, worked out once:
/// its Porter stem (rarity, cue phrases, corrections), its match key (concept names) and
/// which word lists hold it.
///
/// A message of 150 words used to be stemmed, keyed and looked up in the word lists once per
/// stage (expanding the question, the topic, analysing it, correcting it); ``ParsedQuery``
/// now reads each token into a `QueryWord` once, and the same words recur from message to
/// message, so they are remembered (up to ``rememberedWords``).
///
/// ```swift
/// let word = QueryWord.of("scars")
/// word.stem  // "scar"
/// word.key   // "scar"
/// ```
public struct QueryWord: Sendable, Hashable {
    /// The folded token, as ``TextNormalizer/tokens(_:)`` yields it.
    public let text: String
    /// Its Porter stem, as FTS5 indexes it.
    public let stem: String
    /// Its key in the concept dictionary (``TextNormalizer/matchKey(_:)`` of the token alone).
    let key: String
    /// A function word (``Stopwords``).
    let isStopword: Bool
    /// A word of conversation (``ConversationWords``).
    let isConversation: Bool
    /// A word that makes its sentence a question (``ParsedQuery``).
    let asks: Bool
    /// Its stem begins a cue phrase of some intent (``QuestionAnalysis``).
    let startsCue: Bool
    /// Its length in characters (``SpellingCorrector`` corrects only long enough words).
    let length: Int
    /// It has a digit or another number character (such a word is never corrected).
    let hasNumber: Bool

    private init(_ text: String) {
        self.text = text
        stem = PorterStemmer.stem(text)
        key = TextNormalizer.matchKey(CollectionOfOne(text))
        isStopword = Stopwords.contains(text)
        isConversation = ConversationWords.contains(text)
        asks = ParsedQuery.questionWords.contains(text)
        startsCue = QuestionAnalysis.startsCue(stem)
        length = text.count
        hasNumber = text.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// How many words are remembered; when full, it starts over.
    static let rememberedWords = 16_384

    /// The longest token (in bytes) remembered, or kept by a per-index cache keyed by tokens
    /// (``SpellingCorrector``): no word is longer, and a request's made-up run of letters must
    /// not make a bounded count of kept tokens hold megabytes.
    static let longestRemembered = 64

    static let remembered = Mutex<[String: QueryWord]>([:])

    /// The word of a folded token.
    public static func of(_ text: String) -> QueryWord {
        words(of: CollectionOfOne(text))[0]
    }

    /// The words of folded tokens, in order, with one look at what is remembered.
    static func words(of texts: some Collection<String>) -> [QueryWord] {
        remembered.withLock { remembered in
            texts.map { text in
                if let word = remembered[text] { return word }
                let word = QueryWord(text)
                guard text.utf8.count <= longestRemembered else { return word }
                if remembered.count >= rememberedWords { remembered.removeAll(keepingCapacity: true) }
                remembered[text] = word
                return word
            }
        }
    }
}
