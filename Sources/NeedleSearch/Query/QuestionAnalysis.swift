/// A question taken apart: what it asks (its intents) and about what (its topic).
///
/// Question scaffolding ("what are the", "how do I", "can I") and the words that cue an
/// intent are removed from the topic, so "What are the symptoms of pili torti?" asks
/// about the *symptoms* of *pili torti*.
///
/// ```swift
/// let analysis = QuestionAnalysis("How long is skin red after microneedling?")
/// analysis.intents  // [.duration, .recovery]
/// analysis.topic    // "skin red microneedling"
/// ```
public struct QuestionAnalysis: Sendable, Hashable {
    /// Recognized intents, most specific first; `definition` only when nothing else is.
    public private(set) var intents: [QuestionIntent] = []
    /// The question's words without scaffolding and cues, as a query.
    public private(set) var topic: String
    /// Stems of the question's meaningful words (cues included), for matching headings.
    private(set) var stems: Set<String> = []
    /// Stems of the topic's words.
    private(set) var topicStems: Set<String> = []
    /// Intents asked only after the message's first question count this much (1 otherwise):
    /// of several questions, the first is most often the one the message is about.
    private(set) var intentWeights: [QuestionIntent: Double] = [:]
    static let laterQuestionWeight = 0.9

    /// The topic as a query, keeping each word's sentence (see ``ParsedQuery``).
    public private(set) var topicQuery: ParsedQuery

    /// Reads the question within the bounds of ``ParsedQuery``.
    public init(_ question: String) {
        self.init(ParsedQuery(question))
    }

    /// In a message of several sentences, the intents are those cued in its questions
    /// ("… I've tried every cream … What is the treatment?"), first question first; the story
    /// around them often uses cue words too ("after", "tests", "at home") without asking.
    public init(_ query: ParsedQuery) {
        let tokens = query.tokens
        let stems = tokens.map { PorterStemmer.stem($0) }
        let sentences = query.segments.flatMap { segment in Array(repeating: segment.sentence, count: segment.tokens.count) }
        // A message has a hundred words and the intents some two hundred cues: each cue is
        // looked for only where its first word stands.
        var positionsByStem: [String: [Int]] = [:]
        for (position, stem) in stems.enumerated() { positionsByStem[stem, default: []].append(position) }
        var cueTokens = Set<Int>()
        var found: [QuestionIntent] = []
        /// The first question sentence that cues each intent.
        var askedIn: [QuestionIntent: Int] = [:]
        for intent in QuestionIntent.allCases {
            for cue in Self.cueStems[intent] ?? [] {
                let positions = Self.occurrences(of: cue, in: stems, startingAt: positionsByStem[cue.first ?? ""] ?? [])
                guard !positions.isEmpty else { continue }
                if !found.contains(intent) { found.append(intent) }
                for start in positions {
                    cueTokens.formUnion(start..<(start + cue.count))
                    let sentence = sentences[start]
                    if query.questionSentences.contains(sentence), sentence < askedIn[intent] ?? .max { askedIn[intent] = sentence }
                }
            }
        }
        if askedIn.isEmpty {
            let specific = found.filter { !$0.isGeneral }
            intents = specific.isEmpty ? found : specific
        } else {
            // Within a question, "what is" yields to a specific intent, as in a one-line question.
            let specificSentences = Set(askedIn.filter { !$0.key.isGeneral }.map(\.value))
            let asked = askedIn.filter { !$0.key.isGeneral || !specificSentences.contains($0.value) }
            let first = asked.values.min() ?? 0
            intents = QuestionIntent.allCases.filter { asked[$0] != nil }.sorted { asked[$0]! < asked[$1]! }
            for (intent, sentence) in asked where sentence > first { intentWeights[intent] = Self.laterQuestionWeight }
        }
        topicQuery = query.words(keeping: { !cueTokens.contains($0) && !Stopwords.contains(tokens[$0]) })
        let topicTokens = topicQuery.tokens
        topic = topicTokens.joined(separator: " ")
        topicStems = Set(topicTokens.map { PorterStemmer.stem($0) })
        self.stems = Set(stems.indices.filter { !Stopwords.contains(tokens[$0]) }.map { stems[$0] })
    }

    /// How well a section heading answers the question (0…1): the best of the intents'
    /// heading words, and of the words the question and the heading share (FAQ headings
    /// are questions themselves) apart from the topic's: every FAQ heading of an article
    /// names its subject, so only the other words tell what a heading answers. The
    /// introduction (no heading) answers "what is it".
    func headingMatch(_ heading: String?) -> Double {
        headingMatch(words: heading.map(HeadingWords.init))
    }

    /// ``headingMatch(_:)`` of a heading whose words were stemmed beforehand (nil for the
    /// introduction): headings recur from question to question, their stems need not.
    func headingMatch(words heading: HeadingWords?) -> Double {
        guard let heading else { return intents.contains(.definition) ? 1 : 0.2 }
        var best = 0.0
        for intent in intents {
            guard let weight = heading.intentWeights[intent] else { continue }
            best = max(best, weight * (intentWeights[intent] ?? 1))
        }
        // The heading's content words apart from the topic's, and how many of them the question has.
        var (content, shared) = (0, 0)
        for stem in heading.contentStems where !topicStems.contains(stem) {
            content += 1
            if stems.contains(stem) { shared += 1 }
        }
        guard content > 0 else { return best }
        return max(best, 0.9 * Double(shared) / Double(content))
    }

    /// A section heading's words as ``headingMatch(words:)`` reads them.
    struct HeadingWords: Sendable {
        /// Per intent, the weight of its best heading words the heading holds (absent when none).
        let intentWeights: [QuestionIntent: Double]
        /// The stems of its words that are not stopwords.
        let contentStems: Set<String>

        init(_ heading: String) {
            let tokens = TextNormalizer.tokens(heading)
            let stems = tokens.map { PorterStemmer.stem($0) }
            var intentWeights: [QuestionIntent: Double] = [:]
            for (intent, phrases) in QuestionAnalysis.headingStems {
                for (phrase, weight) in phrases where weight > intentWeights[intent] ?? 0 && QuestionAnalysis.contains(phrase, in: stems) {
                    intentWeights[intent] = weight
                }
            }
            self.intentWeights = intentWeights
            contentStems = Set(tokens.indices.filter { !Stopwords.contains(tokens[$0]) }.map { stems[$0] })
        }
    }

    fileprivate static func contains(_ phrase: [String], in stems: [String]) -> Bool {
        guard !phrase.isEmpty, stems.count >= phrase.count else { return false }
        return (0...(stems.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { stems[start + $0] == phrase[$0] }
        }
    }

    /// The starts among `starts` (positions of the phrase's first word) where the rest of it follows.
    private static func occurrences(of phrase: [String], in stems: [String], startingAt starts: [Int]) -> [Int] {
        starts.filter { start in
            start + phrase.count <= stems.count && phrase.indices.dropFirst().allSatisfy { stems[start + $0] == phrase[$0] }
        }
    }

    private static func occurrences(of phrase: [String], in stems: [String]) -> [Int] {
        guard !phrase.isEmpty, stems.count >= phrase.count else { return [] }
        return (0...(stems.count - phrase.count)).filter { start in
            phrase.indices.allSatisfy { stems[start + $0] == phrase[$0] }
        }
    }

    private static func stemmed(_ phrase: String) -> [String] {
        TextNormalizer.tokens(phrase).map { PorterStemmer.stem($0) }
    }

    private static let cueStems: [QuestionIntent: [[String]]] = Dictionary(uniqueKeysWithValues: QuestionIntent.allCases.map { intent in
        (intent, intent.cues.map(stemmed))
    })

    fileprivate static let headingStems: [QuestionIntent: [(phrase: [String], weight: Double)]] = Dictionary(
        uniqueKeysWithValues: QuestionIntent.allCases.map { intent in
            (intent, intent.headingWords.map { (stemmed($0.phrase), $0.weight) })
        })
}
