import GRDB
import NeedleIndex

/// The passages of a page of hits, read in two statements: every passage's stored term
/// ids (`passage_terms`), from which ``PassageHighlighter`` chooses each hit's best, then
/// the text of the chosen passages only (or of the introduction, for a hit no passage
/// matches).
///
/// ```swift
/// let passages = try HitPassages.read(page.map(\.passages), highlighter: highlighter, in: db)
/// passages.highlights[0]     // the first hit's section and snippet, or nil
/// passages.introductions[0]  // its first passage's text when nothing matched, else nil
/// ```
struct HitPassages {
    /// Per hit: its best passage's highlight, or nil when none matches.
    var highlights: [PassageHighlighter.Highlight?]
    /// Per hit without a highlight: the text of its first passage.
    var introductions: [String?]

    static func read(_ ranges: [ClosedRange<Int64>], highlighter: PassageHighlighter, in db: Database) throws -> HitPassages {
        let stored = try storedTerms(of: ranges, in: db)
        let choices = ranges.map { range -> PassageHighlighter.Choice? in
            let candidates = range.map { id -> PassageHighlighter.StoredCandidate in
                guard let (heading, start, end) = stored.slots[id] else { return .init(headingTokens: 0, ids: []) }
                return .init(headingTokens: heading, ids: stored.ids[start..<end])
            }
            return highlighter.bestPassage(stored: candidates)
        }
        let wanted = zip(ranges, choices).map { range, choice in range.lowerBound + Int64(choice?.index ?? 0) }
        let texts = try passageTexts(wanted, in: db)
        var result = HitPassages(highlights: [], introductions: [])
        for (id, choice) in zip(wanted, choices) {
            let (heading, text) = texts[id] ?? (nil, "")
            result.highlights.append(choice.map { highlighter.highlight($0, heading: heading, text: text) })
            result.introductions.append(choice == nil ? text : nil)
        }
        return result
    }

    /// Every stored passage of the ranges: one flat array of ids, and per passage its
    /// heading's token count and its slice of the array.
    private static func storedTerms(of ranges: [ClosedRange<Int64>], in db: Database) throws
        -> (ids: [UInt32], slots: [Int64: (heading: Int, start: Int, end: Int)])
    {
        var ids: [UInt32] = []
        var slots: [Int64: (heading: Int, start: Int, end: Int)] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT id, terms FROM passage_terms WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [idList(ranges.flatMap { $0 })])
        while let row = try rows.next() {
            let start = ids.count
            let heading = try row.withUnsafeData(atIndex: 1) { data in
                data.flatMap { $0.withUnsafeBytes { PassageTerms.decode($0.bindMemory(to: UInt8.self), appendingTo: &ids) } }
            }
            guard let heading else { continue }
            slots[row[0]] = (heading, start, ids.count)
        }
        return (ids, slots)
    }

    private static func passageTexts(_ ids: [Int64], in db: Database) throws -> [Int64: (heading: String?, text: String)] {
        var texts: [Int64: (heading: String?, text: String)] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT id, heading, text FROM passages WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [idList(ids)])
        while let row = try rows.next() { texts[row[0]] = (row[1], row[2]) }
        return texts
    }

    /// Ids as a JSON array, so one cached statement serves any number of them.
    private static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
