import GRDB
@testable import NeedleIndex
import Testing

@Suite struct RowInsertTests {
    @Test func bindsIntegersTextAndNullInOrder() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT, c TEXT, d INTEGER)")
            let insert = try RowInsert(db, sql: "INSERT INTO t VALUES (?, ?, ?, ?)")
            for (a, b, c) in [(1, "één", nil), (2, "two", "x" as String?)] {
                try insert.run { row in
                    row.bind(Int64(a))
                    row.bind(b)
                    row.bind(c)
                    row.bind(a * 10)
                }
            }
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY a")
            #expect(rows == [["a": 1, "b": "één", "c": nil, "d": 10], ["a": 2, "b": "two", "c": "x", "d": 20]])
        }
    }

    @Test func aFailedInsertThrowsAndTheNextOneRuns() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a INTEGER PRIMARY KEY)")
            let insert = try RowInsert(db, sql: "INSERT INTO t VALUES (?)")
            try insert.run { $0.bind(Int64(1)) }
            #expect(throws: DatabaseError.self) { try insert.run { $0.bind(Int64(1)) } }
            try insert.run { $0.bind(Int64(2)) }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }
}
