import NeedleCorpus
import NeedleTesting
import Testing

/// ``CorpusReader`` parses on a thread of its own; what the caller sees must not show it.
@Suite struct CorpusReaderTests {
    /// More articles than the reader parses ahead, so the parser has to wait for the consumer.
    static let slugs = (0..<300).map { String(format: "article-%03d", $0) }

    static func fixture(brokenSlugs: Set<String> = []) throws -> CorpusFixture {
        var articles: [String: String] = [:]
        for slug in slugs {
            articles[slug] = brokenSlugs.contains(slug)
                ? "---\ntitle: \(slug)\nkind: cream\n---\nBody.\n"
                : CorpusFixture.article(title: "Title \(slug)", kind: "treatment", body: "Body of \(slug).")
        }
        return try CorpusFixture(articles: articles)
    }

    @Test func articlesArriveInCorpusOrder() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        var seen: [String] = []
        let outcome = CorpusReader(folder: fixture.corpusPath).read { seen.append($0.slug) }
        #expect(seen == Self.slugs)
        #expect(outcome.articles == Self.slugs.count)
        #expect(outcome.diagnostics.isEmpty)
    }

    @Test func diagnosticsKeepFileOrderAndLines() throws {
        let fixture = try Self.fixture(brokenSlugs: ["article-007", "article-250"])
        defer { fixture.remove() }
        var count = 0
        let outcome = CorpusReader(folder: fixture.corpusPath).read { _ in count += 1 }
        #expect(count == Self.slugs.count - 2)
        #expect(outcome.diagnostics.map { "\($0.path.split(separator: "/").last!):\($0.line)" } == ["article-007.md:3", "article-250.md:3"])
        #expect(outcome.diagnostics.allSatisfy { $0.message.hasPrefix("unknown kind 'cream'") })
    }

    struct Stop: Error {}

    @Test func anErrorOfTheConsumerStopsReadingAndIsRethrown() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        var seen = 0
        #expect(throws: Stop.self) {
            try CorpusReader(folder: fixture.corpusPath).read { _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }
}
