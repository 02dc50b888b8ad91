/// What one open index keeps in memory of what requests read from it, so the next request
/// that needs the same does not read it again: articles with their passages
/// (``ArticleStore``), terms' rows (``TermRows``), phrases' passage counts
/// (``PassagePhraseCounts``) and headings' words (``headingWords``). Each is bounded; a reload opens a new index with empty ones.
struct IndexCaches: Sendable {
    let articles = ArticleStore()
    let termRows = TermRows()
    let phraseCounts = PassagePhraseCounts()
    /// Headings' words for answers, worked out when an answer first meets a heading: only
    /// answers read them, and the same headings recur across articles and questions (working
    /// them out whenever an article was read cost a quarter of a search at 10,000 articles).
    let headingWords = BoundedCache<String, QuestionAnalysis.HeadingWords>(capacity: 8_192)
    /// Passages' texts cut into tokens, for marking a hit's snippet: the same passages are
    /// shown again and again, and cutting one up anew was a tenth of a bundled search. About
    /// 2 KiB each (a passage's text and 16 bytes a token).
    let passageTokens = BoundedCache<Int64, TokenizedText>(capacity: 512)
}
