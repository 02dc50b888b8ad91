/// The answer to an `ask` request (without `id` and `ok`).
public struct AskResult: Sendable, Hashable, Decodable {
    /// Time spent answering, in microseconds.
    public var tookMicroseconds: Int
    /// Passages that answer the question, best first, each at least `min_confidence`.
    public var answers: [Answer]
    /// What the question asks about (`symptoms`, `recovery`, …), when recognized.
    public var intent: String?
    /// The question's subject once question words and the intent's cue words are removed.
    public var topic: String
    /// How each term that names a concept was read.
    public var interpretedAs: [Interpretation]
    /// Words of a long query that were read but not searched; `nil` (absent) when every word was.
    public var dropped: [String]?
    /// A corrected question, when a word was not in the index; `null` otherwise.
    public var didYouMean: String?
    /// True when the answers are those of `did_you_mean`.
    public var corrected: Bool
    /// When no answer is confident enough: articles worth reading instead (best first).
    public var suggestions: [ArticleReference]

    public init(
        tookMicroseconds: Int = 0, answers: [Answer], intent: String?, topic: String, interpretedAs: [Interpretation] = [],
        dropped: [String]? = nil, didYouMean: String? = nil, corrected: Bool = false, suggestions: [ArticleReference] = []
    ) {
        self.tookMicroseconds = tookMicroseconds
        self.answers = answers
        self.intent = intent
        self.topic = topic
        self.interpretedAs = interpretedAs
        self.dropped = dropped
        self.didYouMean = didYouMean
        self.corrected = corrected
        self.suggestions = suggestions
    }

    enum CodingKeys: String, CodingKey {
        case tookMicroseconds = "took_us"
        case answers, intent, topic, corrected, suggestions
        case dropped
        case interpretedAs = "interpreted_as"
        case didYouMean = "did_you_mean"
    }

    /// One passage that answers the question.
    public struct Answer: Sendable, Hashable, Decodable {
        public var slug: String
        public var title: String
        /// The passage's heading; `null` for an article's introduction.
        public var section: String?
        /// The passage's full text.
        public var text: String
        /// Higher is better; comparable only within one reply.
        public var score: Double
        /// How sure the daemon is that this passage answers the question (0…1); see docs/protocol.md.
        public var confidence: Double
        /// The score's parts, when asked for.
        public var explain: ScoreExplanation?

        public init(
            slug: String, title: String, section: String?, text: String, score: Double, confidence: Double,
            explain: ScoreExplanation? = nil
        ) {
            self.slug = slug
            self.title = title
            self.section = section
            self.text = text
            self.score = score
            self.confidence = confidence
            self.explain = explain
        }

        enum CodingKeys: String, CodingKey {
            case slug, title, section, text, score, confidence, explain
        }
    }
}

extension AskResult: JSONObject {
    static let jsonFields: JSONFields<AskResult> = [
        JSONField(.tookMicroseconds, \.tookMicroseconds),
        JSONField(.answers, \.answers),
        JSONField(.intent, \.intent),
        JSONField(.topic, \.topic),
        JSONField(.interpretedAs, \.interpretedAs),
        JSONField(.dropped, omittedWhenNil: \.dropped),
        JSONField(.didYouMean, \.didYouMean),
        JSONField(.corrected, \.corrected),
        JSONField(.suggestions, \.suggestions),
    ]
}

extension AskResult.Answer: JSONObject {
    static let jsonFields: JSONFields<AskResult.Answer> = [
        JSONField(.slug, \.slug),
        JSONField(.title, \.title),
        JSONField(.section, \.section),
        JSONField(.text, \.text),
        JSONField(.score, \.score),
        JSONField(.confidence, \.confidence),
        JSONField(.explain, omittedWhenNil: \.explain),
    ]
}

/// An article named in a reply: `{"slug":"microneedling","title":"Microneedling"}`.
public struct ArticleReference: Sendable, Hashable, Decodable {
    public var slug: String
    public var title: String

    public init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }

    enum CodingKeys: String, CodingKey {
        case slug, title
    }
}

extension ArticleReference: JSONObject {
    static let jsonFields: JSONFields<ArticleReference> = [
        JSONField(.slug, \.slug),
        JSONField(.title, \.title),
    ]
}
