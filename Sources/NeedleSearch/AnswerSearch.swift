import GRDB
import NeedleProtocol

/// One `ask`: finds the articles the question is about, then the passages of those
/// articles that answer what it asks.
///
/// A passage's score adds three parts, each 0…1: its article's score over the best
/// article's, how well its heading fits the question (``QuestionAnalysis/headingMatch(_:)``),
/// and its own bm25 over the best passage's (× ``passageWeight``). Its confidence is
/// documented in docs/protocol.md and computed by ``confidence(subject:fit:text:)``.
struct AnswerSearch {
    let db: Database
    let ranker: ArticleRanker
    let analysis: QuestionAnalysis
    /// The topic, expanded: what the question is about.
    let topic: ExpandedQuery
    /// The whole question, expanded: for matching passage text.
    let question: ExpandedQuery
    let filter: SearchFilter

    /// How many of the best articles' passages are considered.
    static let articleDepth = 5
    /// How much the passage's own text match counts, against the article and the heading.
    static let passageWeight = 0.5

    /// A passage being considered, with the parts of its score.
    private struct Candidate {
        var id: Int64
        var article: RankedArticle
        var heading: String?
        var text: String
        var headingMatch = 0.0
        var passageMatch = 0.0
        var score = 0.0
        var confidence = 0.0
    }

    func run(_ request: AskRequest) throws -> AskResult {
        let articles = Array(try ranker.rank(topic, filter: filter, count: Self.articleDepth).articles.prefix(Self.articleDepth))
        var candidates = try passages(of: articles)
        let textScores = try PassageMatches(db: db, terms: ranker.terms)
            .scores(question, within: articles.map(\.passages), candidates: Set(candidates.map(\.id)))
        // Scoring the passages runs in Swift, out of the progress handler's sight.
        try QueryDeadline.check()
        let bestText = textScores.values.max() ?? 0
        let bestArticle = articles.first?.score ?? 0
        let highlighter = PassageHighlighter(query: topic)
        for index in candidates.indices {
            var candidate = candidates[index]
            candidate.headingMatch = analysis.headingMatch(candidate.heading)
            candidate.passageMatch = bestText > 0 ? (textScores[candidate.id] ?? 0) / bestText : 0
            let articleMatch = bestArticle > 0 ? candidate.article.score / bestArticle : 0
            candidate.score = articleMatch + candidate.headingMatch + Self.passageWeight * candidate.passageMatch
            let subject = Self.subject(
                nameShare: candidate.article.nameEvidence?.share ?? 0,
                coverage: highlighter.groupCoverage(of: candidate.text, heading: candidate.heading))
            candidate.confidence = Self.confidence(subject: subject * articleMatch, fit: candidate.headingMatch, text: candidate.passageMatch)
            candidates[index] = candidate
        }
        candidates.sort { ($0.confidence, $0.score, -$0.id) > ($1.confidence, $1.score, -$1.id) }
        let answers = candidates.filter { $0.confidence >= request.minimumConfidence }.prefix(request.limit).map { answer(for: $0, explain: request.explain) }
        let suggestions = answers.isEmpty ? articles.map { ArticleReference(slug: $0.slug, title: $0.title) } : []
        return AskResult(
            answers: answers, intent: analysis.intents.first?.rawValue, topic: analysis.topic,
            interpretedAs: topic.interpretations, suggestions: suggestions)
    }

    /// How sure Needle is of a passage's subject, 0…1: an article the question names is its
    /// subject (0.7, up to 1 as the name covers more of the topic: the rest are details);
    /// otherwise 0.6 × the share of the topic's terms the passage contains.
    static func subject(nameShare: Double, coverage: Double) -> Double {
        nameShare > 0 ? 0.7 + 0.3 * nameShare : 0.6 * coverage
    }

    /// How sure Needle is that a passage answers the question, 0…1:
    /// half from knowing the subject (the question names the article, or its words are in
    /// the passage, × the article's score relative to the best), a third from the heading
    /// fitting what is asked, the rest from the passage's own text match.
    static func confidence(subject: Double, fit: Double, text: Double) -> Double {
        ArticleSearch.rounded(min(1, max(0, 0.5 * subject + 0.35 * fit + 0.15 * text)))
    }

    private func answer(for candidate: Candidate, explain: Bool) -> AskResult.Answer {
        let article = candidate.article
        return AskResult.Answer(
            slug: article.slug, title: article.title, section: candidate.heading, text: candidate.text,
            score: ArticleSearch.rounded(candidate.score), confidence: candidate.confidence,
            explain: explain ? ScoreExplanation(
                bm25: ArticleSearch.rounded(article.bm25), bm25Normalized: ArticleSearch.rounded(article.bm25Normalized),
                fields: [:], nameMatch: ArticleSearch.rounded(article.nameNormalized), matchedName: article.nameEvidence?.name,
                synonymWeight: article.nameEvidence?.synonymWeight ?? 1, headingMatch: ArticleSearch.rounded(candidate.headingMatch),
                passageMatch: ArticleSearch.rounded(candidate.passageMatch)) : nil)
    }

    /// Every passage with text of the given articles.
    private func passages(of articles: [RankedArticle]) throws -> [Candidate] {
        try articles.flatMap { article in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT id, heading, text FROM passages WHERE id BETWEEN ? AND ? AND text != '' ORDER BY id"),
                arguments: [article.passages.lowerBound, article.passages.upperBound]
            ).map { Candidate(id: $0[0], article: article, heading: $0[1], text: $0[2]) }
        }
    }
}
