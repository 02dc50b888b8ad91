import GRDB
@testable import NeedleSearch
import Testing

/// A message that names nothing is matched against its candidates' sign and symptom passages.
@Suite(.serialized) struct SignEvidenceTests {
    static let index = BundledIndex.make()

    /// Folliculitis's "Symptoms" passage, told as a message.
    static let folliculitisMessage = """
        For weeks I have had small red bumps around hair follicles, white pus spots that burst and crust, \
        itching and burning where I shave and sweat. What could this be?
        """

    static func stored(_ slug: String) throws -> StoredArticle {
        try index.pool.read { db in
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT id FROM articles WHERE slug = ?", arguments: [slug]))
            return try #require(try index.caches.articles.articles([id], in: db)[id])
        }
    }

    static func evidence(_ text: String, names: Bool = false) throws -> SignEvidence? {
        try index.pool.read { db in
            try SignEvidence(index.expand(text), names: names, termRows: index.caches.termRows, terms: index.terms, db: db)
        }
    }

    @Test func signHeadingsAreThoseThatNameSignsOrSymptoms() {
        #expect(SignEvidence.isSignHeading("Symptoms"))
        #expect(SignEvidence.isSignHeading("What are the signs and symptoms of Rosacea?"))
        #expect(SignEvidence.isSignHeading("Warning signs"))
        #expect(!SignEvidence.isSignHeading("Treatment"))
        #expect(!SignEvidence.isSignHeading("How sunscreen is designed"))
        #expect(!SignEvidence.isSignHeading(nil))
    }

    @Test func onlyAMessageThatNamesNothingHasSignEvidence() throws {
        #expect(try Self.evidence(Self.folliculitisMessage) != nil)
        #expect(try Self.evidence(Self.folliculitisMessage, names: true) == nil)
        #expect(try Self.evidence("red bumps with pus") == nil)
    }

    @Test func theArticleWhoseSignsAreDescribedHoldsTheMessagesWords() throws {
        let signs = try #require(try Self.evidence(Self.folliculitisMessage))
        let folliculitis = try Self.stored("folliculitis")
        #expect(folliculitis.passages.contains { SignEvidence.isSignHeading($0.heading) })
        let share = signs.share(of: folliculitis)
        #expect(share > 0.7 && share <= 1)
        // Its words are held elsewhere too, but not under a sign heading.
        let withoutSigns = try #require(try Self.allStored().first { article in
            !article.passages.contains { SignEvidence.isSignHeading($0.heading) } && article.passages.count > 1
        })
        #expect(signs.share(of: withoutSigns) == 0)
        // A condition with other signs holds fewer of them.
        for other in try Self.allStored() where other.slug != "folliculitis" {
            #expect(signs.share(of: other) < share, "\(other.slug)")
        }
    }

    static func allStored() throws -> [StoredArticle] {
        try index.pool.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM articles ORDER BY id")
            let stored = try index.caches.articles.articles(ids, in: db)
            return ids.compactMap { stored[$0] }
        }
    }
}
