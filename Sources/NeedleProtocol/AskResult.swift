/// The answer to an `ask` request (without `id` and `ok`).
public struct AskResult: Sendable, Hashable, Codable {
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

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tookMicroseconds, forKey: .tookMicroseconds)
        try container.encode(answers, forKey: .answers)
        try container.encode(intent, forKey: .intent)
        try container.encode(topic, forKey: .topic)
        try container.encode(interpretedAs, forKey: .interpretedAs)
        try container.encodeIfPresent(dropped, forKey: .dropped)
        try container.encode(didYouMean, forKey: .didYouMean)
        try container.encode(corrected, forKey: .corrected)
        try container.encode(suggestions, forKey: .suggestions)
    }

    /// One passage that answers the question.
    public struct Answer: Sendable, Hashable, Codable {
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

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(slug, forKey: .slug)
            try container.encode(title, forKey: .title)
            try container.encode(section, forKey: .section)
            try container.encode(text, forKey: .text)
            try container.encode(score, forKey: .score)
            try container.encode(confidence, forKey: .confidence)
            try container.encodeIfPresent(explain, forKey: .explain)
        }
    }
}

/// An article named in a reply: `{"slug":"microneedling","title":"Microneedling"}`.
public struct ArticleReference: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String

    public init(slug: String, title: String) {
        self.slug = slug
        self.title = title
    }
}
