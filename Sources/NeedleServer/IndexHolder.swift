import NeedleIndex
import NeedleProtocol
import NeedleSearch
import Synchronization

/// The index being served, swapped whole on reload.
///
/// A request takes the current ``SearchIndex`` once and finishes on it, so a reload
/// never disturbs requests in flight: the old index is closed when the last of them
/// lets go of it.
final class IndexHolder: Sendable {
    private let index: Mutex<SearchIndex>
    let readers: Int

    init(_ index: SearchIndex, readers: Int) {
        self.index = Mutex(index)
        self.readers = readers
    }

    var current: SearchIndex { index.withLock { $0 } }

    /// Opens the index file again and serves it from now on. On failure the old index stays.
    func reload() throws -> SearchIndex {
        let path = current.path
        let fresh = try SearchIndex.open(path: path, readers: readers)
        index.withLock { $0 = fresh }
        return fresh
    }
}

extension SearchIndex {
    /// The index facts as `stats` and `reload` report them.
    var info: IndexInfo {
        IndexInfo(
            path: path, schemaVersion: meta.schemaVersion, corpusDigest: meta.corpusDigest, builtAt: meta.builtAt,
            articles: meta.articles, passages: meta.passages, synonyms: meta.synonyms)
    }
}
