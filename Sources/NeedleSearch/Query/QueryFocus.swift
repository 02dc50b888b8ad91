import Foundation

/// Chooses which words of a long message are searched: the ones that carry its subject.
///
/// A short query is searched whole. A message with more than ``budget`` terms (after function
/// words are dropped) keeps the ``budget`` terms that best tell what it is about, in their
/// order, and the rest are reported as dropped. A term scores
/// - its rarity, 0…1: `log(articles / df) / log(articles)` of its rarest word, where `df` is how
///   many articles hold the word's stem — "skin", "years" and "tried" say little about which
///   article is meant, "ichthyosis" and "peeling" say a lot; a word no article holds scores
///   nothing: it matches no article (a typo is corrected before the message is read); a word of
///   conversation (``ConversationWords``: "hope", "told", "months"), which articles rarely use
///   but which says nothing of the subject, scores below every other (``conversationRarity``);
/// - ``conceptBonus`` when it names a concept (a title, an alias, a synonym);
/// - ``questionBonus`` when it stands in a sentence that asks something (ends with `?` or has
///   a question word): the question says what the message is about more often than the story.
///
/// In a message (``SearchIndex/messageTerms`` terms or more, one sentence a question), a
/// one-word name that many articles use (more than ``commonNameShare`` of them: "burns",
/// "itching", "rash") and that stands in the story rather than in a question is read as a
/// plain word: "a rash around my mouth that burns" describes a symptom, it does not ask about
/// Burns. A word of conversation is a plain word wherever it stands ("will it go away?" does not
/// ask about GO). When a question names something, the story's other names are read as its background.
///
/// ```swift
/// let focus = QueryFocus(articleCount: 387) { word in frequencies[word.text] ?? 0 }
/// focus.select(terms, of: query.words, asks: true)  // the budget's best, in the message's order, and the rest
/// ```
public struct QueryFocus: Sendable {
    /// The most terms of a long message that are searched.
    public static let budget = 16
    /// The most terms of a long message that `ask` reads: it matches every term against the
    /// passages of the articles it ranks, so each costs more than in a search, and a question's
    /// few words of subject and intent rank among the first ten.
    public static let questionBudget = 10
    static let conceptBonus = 1.0
    static let questionBonus = 1.0
    static let unknownRarity = 0.0
    /// Below any word of the index: "skin" at least says what the message is about, "told" does not.
    static let conversationRarity = -1.0
    /// The share of articles from which a one-word name in a message's story is a plain word.
    static let commonNameShare = 1.0 / 16

    /// A term of the message and where it stands: its tokens are `words[start..<end]` of the
    /// query, and it may name a concept. What a name expands to is worked out only for the
    /// terms kept (``QueryExpander``).
    struct Term {
        var start: Int
        var end: Int
        /// The name it is, if any.
        var name: ConceptDictionary.Name?
        var inQuestion: Bool
        /// False when the name is read as background (see ``ExpandedQuery/Group/readAsName``).
        var readAsName = true

        var range: Range<Int> { start..<end }
    }

    let articleCount: Int
    /// The most terms kept: ``budget`` or ``questionBudget``.
    public let budget: Int
    /// How many articles hold a word's stem; 0 when none does.
    let documentFrequency: @Sendable (QueryWord) -> Int

    public init(articleCount: Int, budget: Int = QueryFocus.budget, documentFrequency: @escaping @Sendable (QueryWord) -> Int) {
        self.articleCount = articleCount
        self.budget = budget
        self.documentFrequency = documentFrequency
    }

    /// The same focus with another budget.
    func keeping(_ budget: Int) -> QueryFocus {
        QueryFocus(articleCount: articleCount, budget: budget, documentFrequency: documentFrequency)
    }

    /// The terms to search and the terms dropped, each in the message's order, as the message
    /// reads them; `words` are the query's, `asks` when a sentence of the message is a question.
    func select(_ terms: [Term], of words: [QueryWord], asks: Bool) -> (kept: [Term], dropped: [Term]) {
        let terms = isMessage(terms, asks: asks) ? backgrounded(terms.map { reading($0, of: words) }) : terms
        guard terms.count > budget else { return (terms, []) }
        let scores = terms.map { score($0, of: words) }
        let chosen = Set(terms.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(budget))
        return (terms.indices.filter(chosen.contains).map { terms[$0] }, terms.indices.filter { !chosen.contains($0) }.map { terms[$0] })
    }

    /// Whether the terms are a message's, a story and a question, rather than a query's.
    private func isMessage(_ terms: [Term], asks: Bool) -> Bool {
        asks && terms.count >= SearchIndex.messageTerms
    }

    /// When a question of the message names something, the names of its story are its
    /// background: they are searched but name no article. "My sister had skin cancer … What are
    /// the signs of melanoma?" asks about Melanoma; "… I bruise easily … Could I have EDS?" about
    /// Ehlers-Danlos syndrome.
    private func backgrounded(_ terms: [Term]) -> [Term] {
        guard terms.contains(where: { $0.inQuestion && $0.readAsName && $0.name != nil }) else { return terms }
        return terms.map { term in
            var term = term
            if !term.inQuestion { term.readAsName = false }
            return term
        }
    }

    /// The term as a message reads it: a common one-word name in the story is a plain word, and
    /// so is a word of talk wherever it stands: "will it go away?" and "she cries" do not name the
    /// articles whose abbreviations they spell (GO, CRIE).
    private func reading(_ term: Term, of words: [QueryWord]) -> Term {
        guard term.end - term.start == 1, term.name != nil else { return term }
        let word = words[term.start]
        let commonInStory = !term.inQuestion && Double(documentFrequency(word)) > Self.commonNameShare * Double(articleCount)
        guard commonInStory || word.isConversation else { return term }
        var plain = term
        plain.name = nil
        plain.readAsName = false
        return plain
    }

    func score(_ term: Term, of words: [QueryWord]) -> Double {
        var best: Double?
        for word in words[term.range] where !word.isStopword { best = max(best ?? -.infinity, rarity(word)) }
        return (best ?? 0) + (term.name == nil ? 0 : Self.conceptBonus) + (term.inQuestion ? Self.questionBonus : 0)
    }

    /// 0 for a word every article holds, 1 for a word one article holds, less for a word of conversation.
    func rarity(_ word: QueryWord) -> Double {
        guard !word.isConversation else { return Self.conversationRarity }
        let frequency = documentFrequency(word)
        guard frequency > 0 else { return Self.unknownRarity }
        guard articleCount > 1 else { return 1 }
        return max(0, log(Double(articleCount) / Double(frequency)) / log(Double(articleCount)))
    }
}
