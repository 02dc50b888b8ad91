import Foundation
import GRDB
import NeedleCorpus
import NeedleIndex
import NeedleTesting
import Testing

/// What makes an index unfit to serve or to build upon, each named with its file and the way out.
@Suite struct IndexVerificationTests {
    private func builtFixture() throws -> CorpusFixture {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try fixture.buildIndex()
        return fixture
    }

    @Test func aSoundIndexIsVerified() throws {
        let fixture = try builtFixture()
        defer { fixture.remove() }
        let verified = try IndexVerification.verify(path: fixture.indexPath)
        #expect(verified.meta.articles == 5)
        #expect(verified.probe != nil)
    }

    @Test func aTruncatedIndexIsCalledTruncatedWithItsPathAndTheRebuild() throws {
        let fixture = try builtFixture()
        defer { fixture.remove() }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: fixture.indexPath)[.size] as? Int)
        #expect(truncate(fixture.indexPath, off_t(size / 2)) == 0)
        let error = try #require(throws: IndexCheckError.self) { try IndexVerification.verify(path: fixture.indexPath) }
        #expect(error.description == "\(fixture.indexPath): the index is truncated (\(size / 2) of \(size) bytes); rebuild it with: needle index --full --out \(fixture.indexPath)")
    }

    @Test func aMalformedIndexIsNamedWithItsPathAndTheRebuild() throws {
        let fixture = try builtFixture()
        defer { fixture.remove() }
        try Self.scribble(onHalfOf: fixture.indexPath)
        let error = try #require(throws: IndexCheckError.self) { try IndexVerification.verify(path: fixture.indexPath) }
        #expect(error.description.hasPrefix("\(fixture.indexPath): the index is damaged: "))
        #expect(error.description.hasSuffix("rebuild it with: needle index --full --out \(fixture.indexPath)"))
    }

    @Test func countsThatDisagreeWithMetaAreRefused() throws {
        let fixture = try builtFixture()
        defer { fixture.remove() }
        try DatabaseQueue(path: fixture.indexPath).write { try $0.execute(sql: "UPDATE meta SET value = '99' WHERE key = 'passages'") }
        let error = try #require(throws: IndexCheckError.self) { try IndexVerification.verify(path: fixture.indexPath) }
        #expect(error.problem.hasPrefix("\(fixture.indexPath): meta says 99 passages but the index holds "))
    }

    /// Overwrites every page of the second half of the file (but the last) with garbage:
    /// b-tree pages SQLite reads when it checks the file, while the first pages still open.
    static func scribble(onHalfOf path: String) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size / 2) - 4096))
    }
}
