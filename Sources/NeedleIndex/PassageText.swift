import NeedleCorpus

/// The row of one passage in `passages_fts`, written the same way by ``ArticleRows``
/// and ``ScratchPassageIndex``.
enum PassageText {
    static let insertSQL = "INSERT INTO passages_fts (rowid, heading, text) VALUES (?, ?, ?)"

    /// Indexes `passage` under `id` with the values `passages` holds for it, which is
    /// what the FTS5 'delete' of an incremental build reads back (`passages_fts` is an
    /// external-content table).
    static func insert(_ passage: Passage, id: Int64, with insert: RowInsert) throws {
        try insert.run { row in
            row.bind(id)
            row.bind(passage.heading)
            row.bind(passage.text)
        }
    }
}
