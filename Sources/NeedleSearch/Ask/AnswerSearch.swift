import Foundation
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
    /// What the index keeps in memory: the articles' passages, terms' rows, phrases' counts.
    let caches: IndexCaches

    /// How many of the best articles' passages are considered.
    static let articleDepth = 5
    /// How much the passage's own text match counts, against the article and the heading.
    static let passageWeight = 0.5

    /// A passage being considered, with the parts of its score.
    private struct Candidate {
        var id: Int64
        /// Its article's position among the ranked articles.
        var article: Int
        /// Its article as kept in memory, and its position among the article's passages.
        var stored: StoredArticle
        var position: Int
        var heading: String? { stored.passages[position].heading }
        /// Its bm25 for the question; nil when no phrase of the question occurs in it.
        var textScore: Double?
        /// The share of the topic's groups it holds; worked out only when its article is not named.
        var coverage = 0.0
        var headingMatch = 0.0
        var passageMatch = 0.0
        var score = 0.0
        var confidence = 0.0
    }

    func run(_ request: AskRequest) throws -> AskResult {
        let articles = Array(try ranker.rank(topic, filter: filter, count: Self.articleDepth).articles.prefix(Self.articleDepth))
        var candidates = passages(of: articles)
        try matchText(of: &candidates, in: articles)
        // Scoring the passages runs in Swift, out of the progress handler's sight.
        try QueryDeadline.check()
        let bestText = candidates.compactMap(\.textScore).max() ?? 0
        let bestArticle = articles.first?.score ?? 0
        // The same headings recur across articles ("Risks and side effects"): each is matched once.
        var headingMatches: [String?: Double] = [:]
        for index in candidates.indices {
            var candidate = candidates[index]
            let heading = candidate.heading
            candidate.headingMatch = headingMatches[heading] ?? analysis.headingMatch(words: heading.map { caches.headingWords.value(for: $0, orMake: QuestionAnalysis.HeadingWords.init) })
            headingMatches[heading] = candidate.headingMatch
            candidate.passageMatch = bestText > 0 ? (candidate.textScore ?? 0) / bestText : 0
            let article = articles[candidate.article]
            let articleMatch = bestArticle > 0 ? article.score / bestArticle : 0
            candidate.score = articleMatch + candidate.headingMatch + Self.passageWeight * candidate.passageMatch
            let subject = Self.subject(nameShare: article.nameEvidence?.share ?? 0, coverage: candidate.coverage)
            candidate.confidence = Self.confidence(subject: subject * articleMatch, fit: candidate.headingMatch, text: candidate.passageMatch)
            candidates[index] = candidate
        }
        candidates.sort { ($0.confidence, $0.score, -$0.id) > ($1.confidence, $1.score, -$1.id) }
        let chosen = candidates.filter { $0.confidence >= request.minimumConfidence }.prefix(request.limit)
        let answers = chosen.map { answer(for: $0, of: articles[$0.article], explain: request.explain) }
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

    private func answer(for candidate: Candidate, of article: RankedArticle, explain: Bool) -> AskResult.Answer {
        AskResult.Answer(
            slug: article.slug, title: article.title, section: candidate.heading, text: candidate.stored.passages[candidate.position].text,
            score: ArticleSearch.rounded(candidate.score), confidence: candidate.confidence,
            explain: explain ? ScoreExplanation(
                bm25: ArticleSearch.rounded(article.bm25), bm25Normalized: ArticleSearch.rounded(article.bm25Normalized),
                fields: [:], nameMatch: ArticleSearch.rounded(article.nameNormalized), matchedName: article.nameEvidence?.name,
                synonymWeight: article.nameEvidence?.synonymWeight ?? 1, headingMatch: ArticleSearch.rounded(candidate.headingMatch),
                passageMatch: ArticleSearch.rounded(candidate.passageMatch)) : nil)
    }

    /// Each candidate's bm25 for the question and, when its article is not named, its
    /// coverage of the topic: from the passages' stored terms, or, when the question has a
    /// word whose term only FTS5 computes, from FTS5 (``PassageMatches``) and the highlighter.
    private func matchText(of candidates: inout [Candidate], in articles: [RankedArticle]) throws {
        if let matches = try PassageTermMatches(
            question: question, topic: topic, terms: ranker.terms, termRows: caches.termRows, phraseCounts: caches.phraseCounts, db: db)
        {
            for index in candidates.indices {
                let (stored, position) = (candidates[index].stored, candidates[index].position)
                (candidates[index].textScore, candidates[index].coverage) =
                    matches.match(stored.terms(at: position), headingTokens: stored.passages[position].headingTokens)
            }
            return
        }
        let scores = try PassageMatches(db: db, terms: ranker.terms)
            .scores(question, within: articles.map(\.passages), candidates: Set(candidates.map(\.id)))
        let highlighter = PassageHighlighter(query: topic)
        for index in candidates.indices {
            let candidate = candidates[index]
            candidates[index].textScore = scores[candidate.id]
            if !((articles[candidate.article].nameEvidence?.share ?? 0) > 0) {
                let passage = candidate.stored.passages[candidate.position]
                candidates[index].coverage = highlighter.groupCoverage(of: passage.text, heading: passage.heading)
            }
        }
    }

    /// Every passage with text of the given articles, article by article.
    private func passages(of articles: [RankedArticle]) -> [Candidate] {
        var candidates: [Candidate] = []
        for (index, article) in articles.enumerated() {
            let kept = article.stored
            for position in kept.passages.indices where !kept.passages[position].text.isEmpty {
                candidates.append(Candidate(id: kept.passages[position].id, article: index, stored: kept, position: position))
            }
        }
        return candidates
    }
}
