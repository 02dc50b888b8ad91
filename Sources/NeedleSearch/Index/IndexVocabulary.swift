import GRDB

/// The terms FTS5 indexed in `articles_fts`, seen through SQLite's `fts5vocab` tables
/// (<https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module>).
///
/// The tables live in the connection's `temp` schema, so reading them needs no change
/// to the index file and works on read-only connections. The `row` table lists each term
/// (a Porter stem) with the number of articles holding it; the `instance` table says where
/// each occurrence is, which is how a stem is turned back into a word someone wrote.
///
/// ```swift
/// try IndexVocabulary.attach(db)
/// try IndexVocabulary.indexedWords(forStem: "exfoli", in: db) // ["exfoliating", "exfoliation"]
/// ```
enum IndexVocabulary {
    /// `term, doc, cnt`: one row per indexed stem.
    static let rowTable = "articles_vocab"
    /// `term, doc, col, offset`: one row per occurrence of a stem.
    static let instanceTable = "articles_vocab_instance"
    /// The columns of `articles_fts`, the only values the `instance` table's `col` may hold.
    private static let columns: Set<String> = ["title", "aliases", "concerns", "headings", "body"]

    static func attach(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(rowTable) USING fts5vocab(main, articles_fts, row);
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.\(instanceTable) USING fts5vocab(main, articles_fts, instance);
            """)
    }

    /// The words that FTS5 indexed under `stem` in the first article holding it, folded, in
    /// order of first appearance; empty when no article holds the stem.
    static func indexedWords(forStem stem: String, in db: Database) throws -> [String] {
        guard let occurrence = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT doc, col FROM temp.\(instanceTable) WHERE term = ? LIMIT 1"), arguments: [stem]),
            let column = occurrence["col"] as String?, columns.contains(column),
            let text = try String.fetchOne(db, sql: "SELECT \(column) FROM articles_fts WHERE rowid = ?", arguments: [occurrence["doc"]])
        else { return [] }
        let stemBytes = Array(stem.utf8)
        let tokenized = TokenizedText(text)
        var words: [String] = []
        for position in tokenized.tokens.indices where mayStem(tokenized, position, to: stemBytes) {
            let word = tokenized.folded(position)
            guard PorterStemmer.stem(word) == stemBytes else { continue }
            let text = String(decoding: word, as: UTF8.self)
            if !words.contains(text) { words.append(text) }
        }
        return words
    }

    /// False when token `position` cannot stem to `stem`: the Porter stemmer only rewrites a
    /// word's ending and leaves its first two letters as they are, so a token whose first
    /// (plain ASCII) letters differ from the stem's is neither folded nor stemmed. An article's
    /// text has thousands of tokens and few start like the stem.
    private static func mayStem(_ text: TokenizedText, _ position: Int, to stem: [UInt8]) -> Bool {
        let range = text.tokens[position]
        for offset in 0..<min(2, stem.count, range.count) {
            let byte = text.bytes[range.lowerBound + offset]
            guard byte < 0x80 else { return true }
            if TokenizedText.lowercased(byte) != stem[offset] { return false }
        }
        return true
    }
}
