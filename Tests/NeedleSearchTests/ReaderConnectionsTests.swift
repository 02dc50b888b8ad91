import Dispatch
import Foundation
import GRDB
import NeedleProtocol
@testable import NeedleSearch
import NeedleTesting
import Synchronization
import Testing

/// An open index's reader connections: lent to one read at a time, never more open than asked
/// for, and given back when a read throws.
@Suite(.serialized) struct ReaderConnectionsTests {
    @Test func concurrentReadsShareAtMostTheReadersAsked() throws {
        let index = try SearchIndex.open(path: BundledIndex.index.path, readers: 2)
        let connections = Mutex<Set<UInt>>([])
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            do {
                let (connection, articles) = try index.pool.read { db in
                    (UInt(bitPattern: db.sqliteConnection), try Int.fetchOne(db, sql: "SELECT count(*) FROM articles") ?? 0)
                }
                connections.withLock { _ = $0.insert(connection) }
                if articles != index.meta.articles { failures.withLock { $0 += 1 } }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        #expect((1...2).contains(connections.withLock { $0.count }))
    }

    @Test func aReadThatThrowsGivesItsConnectionBack() throws {
        let index = try SearchIndex.open(path: BundledIndex.index.path, readers: 1)
        #expect(throws: DatabaseError.self) { try index.pool.read { db in try db.execute(sql: "SELECT * FROM no_such_table") } }
        let first = try index.pool.read { db in UInt(bitPattern: db.sqliteConnection) }
        #expect(try index.pool.read { db in UInt(bitPattern: db.sqliteConnection) } == first)
        #expect(try index.search(SearchRequest(query: "PCI")).hits.first?.slug == "microneedling")
    }

    @Test func aFileThatIsNoIndexIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "needle-readers")
        let path = directory.file("not-an-index.sqlite")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try SearchIndex.open(path: path, readers: 2) }
    }
}
