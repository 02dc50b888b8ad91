import NeedleTesting

/// The standard fixture corpus and its index, built once for the suites that only read it.
enum StandardFixture {
    static let shared: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: CorpusFixture.standardArticles, synonyms: CorpusFixture.standardSynonyms)
        try! fixture.buildIndex()
        return fixture
    }()

    static var indexPath: String { shared.indexPath }
}
