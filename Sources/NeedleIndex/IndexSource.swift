import NeedleCorpus

/// Where a build's articles come from: a streaming ``NeedleCorpus/CorpusReader`` or a loaded corpus.
///
/// `read` hands every valid article to its second argument, then returns the
/// diagnostics, the synonyms and the corpus digest. Its first argument tells, from a
/// slug and a file digest, whether that file is already indexed, so the source may
/// skip parsing its body; it may be called on another thread.
struct IndexSource {
    var read: (_ isUnchanged: @escaping @Sendable (String, UInt64) -> Bool, _ body: (Article) throws -> Void) throws -> CorpusReader.Outcome
}
