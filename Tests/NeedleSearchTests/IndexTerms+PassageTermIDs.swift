import GRDB
@testable import NeedleSearch

extension IndexTerms {
    /// The `terms.id` of each of `stems` that passages hold, read one by one from `terms`:
    /// the reference the tests compare ``TermRows`` and the passages' choice with.
    func passageTermIDs(_ stems: Set<String>, in db: Database) throws -> [String: UInt32] {
        var ids: [String: UInt32] = [:]
        let statement = try db.cachedStatement(sql: "SELECT id FROM terms WHERE term = ? AND id > 0")
        for stem in stems {
            if let id = try Int64.fetchOne(statement, arguments: [stem]) { ids[stem] = UInt32(truncatingIfNeeded: id) }
        }
        return ids
    }
}
