/// What one open index keeps in memory of what requests read from it, so the next request
/// that needs the same does not read it again: articles with their passages
/// (``ArticleStore``), terms' rows (``TermRows``), phrases' passage counts
/// (``PassagePhraseCounts``) and headings' words (``HeadingWordsCache``). Each is bounded; a reload opens a new index with empty ones.
struct IndexCaches: Sendable {
    let articles = ArticleStore()
    let termRows = TermRows()
    let phraseCounts = PassagePhraseCounts()
    let headingWords = HeadingWordsCache()
}
