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
        let words = query.words
        let sentences = query.segments.flatMap { segment in repeatElement(segment.sentence, count: segment.tokens.count) }
        // A message has a hundred words and the intents some two hundred cues: cues are looked
        // for only where a word whose stem begins one stands.
        var cueTokens = Set<Int>()
        var cued = Set<QuestionIntent>()
        /// The first question sentence that cues each intent.
        var askedIn: [QuestionIntent: Int] = [:]
        for start in words.indices where words[start].startsCue {
            for (intent, cue) in Self.cuesByFirstStem[words[start].stem] ?? [] where Self.follows(cue, at: start, in: words) {
                cued.insert(intent)
                cueTokens.formUnion(start..<(start + cue.count))
                let sentence = sentences[start]
                if query.questionSentences.contains(sentence), sentence < askedIn[intent] ?? .max { askedIn[intent] = sentence }
            }
        }
        if askedIn.isEmpty {
            let found = QuestionIntent.allCases.filter(cued.contains)
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
        topicQuery = query.words(keeping: { !cueTokens.contains($0) && !words[$0].isStopword })
        topic = topicQuery.tokens.joined(separator: " ")
        topicStems = Set(minimumCapacity: topicQuery.words.count)
        for word in topicQuery.words { topicStems.insert(word.stem) }
        stems = Set(minimumCapacity: words.count)
        for word in words where !word.isStopword { stems.insert(word.stem) }
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

    /// Whether the cue's stems stand at `start` of the words.
    private static func follows(_ cue: [String], at start: Int, in words: [QueryWord]) -> Bool {
        start + cue.count <= words.count && cue.indices.allSatisfy { words[start + $0].stem == cue[$0] }
    }

    private static func stemmed(_ phrase: String) -> [String] {
        TextNormalizer.tokens(phrase).map { PorterStemmer.stem($0) }
    }

    /// Each intent's cues as stems, by their first stem.
    private static let cuesByFirstStem: [String: [(intent: QuestionIntent, cue: [String])]] = Dictionary(
        grouping: QuestionIntent.allCases.flatMap { intent in intent.cues.map { (intent: intent, cue: stemmed($0)) } },
        by: { $0.cue.first ?? "" })

    /// Whether a cue of some intent begins with this stem.
    static func startsCue(_ stem: String) -> Bool {
        cuesByFirstStem[stem] != nil
    }

    fileprivate static let headingStems: [QuestionIntent: [(phrase: [String], weight: Double)]] = Dictionary(
        uniqueKeysWithValues: QuestionIntent.allCases.map { intent in
            (intent, intent.headingWords.map { (stemmed($0.phrase), $0.weight) })
        })
}
