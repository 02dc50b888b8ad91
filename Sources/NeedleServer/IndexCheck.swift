import NeedleIndex
import NeedleProtocol
import NeedleSearch

/// Opens an index file and proves it can serve before anyone is sent to it.
///
/// The file is held open (``NeedleIndex/HeldIndexFile``), verified
/// (``NeedleIndex/IndexVerification``: length, schema version, `quick_check`, the counts in
/// `meta`), opened for searching on that same held file, and probed: a search for one
/// article's title must find that article. What was checked is what is served, whatever
/// later happens at the path.
///
/// ```swift
/// let index = try IndexCheck.open(path: "Index/needle.sqlite", readers: 2, mappedBytes: 0)
/// ```
enum IndexCheck {
    /// The index at `path`, opened with `readers` connections each mapping `mappedBytes`, and checked.
    /// The memory freed while loading it is given back to the system.
    ///
    /// Throws ``NeedleIndex/IndexError`` (missing, not an index, other schema) or ``NeedleIndex/IndexCheckError``.
    static func open(path: String, readers: Int, mappedBytes: Int) throws -> SearchIndex {
        let file = try HeldIndexFile(path: path)
        let verified = try IndexVerification.verify(file)
        let index = try SearchIndex.open(file: file, readers: readers, mappedBytes: mappedBytes)
        defer { HeapTuning.giveBackFreedMemory() }
        if let probe = verified.probe {
            let result = try index.search(SearchRequest(query: probe.title, limit: SearchRequest.maximumLimit))
            guard result.hits.contains(where: { $0.slug == probe.slug }) else {
                throw IndexCheckError.probeFailed(path: path, query: probe.title)
            }
        }
        return index
    }
}
