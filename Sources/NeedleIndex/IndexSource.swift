import NeedleCorpus

/// Where a build's articles come from: a streaming ``NeedleCorpus/CorpusReader`` or a loaded corpus.
///
/// `read` hands every valid article to its argument, then returns the diagnostics,
/// the synonyms and the corpus digest.
struct IndexSource {
    var read: ((Article) throws -> Void) throws -> CorpusReader.Outcome
}
