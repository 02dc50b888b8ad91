import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// Long consumer messages through a real daemon: their talk names nothing, their misspelled names are corrected.
@Suite(.serialized) struct LongMessageTests {
    static let fixture: CorpusFixture = {
        let fixture = try! CorpusFixture(articles: [
            "geroderma-osteodysplastica": CorpusFixture.article(
                title: "Geroderma osteodysplastica", kind: "concern", aliases: ["GO"],
                body: "Lax, wrinkled skin, loose joints and a face that looks aged from birth."),
            "birthmarks": CorpusFixture.article(
                title: "Birthmarks", kind: "concern", aliases: ["Strawberry mark", "Hemangioma"],
                body: "A strawberry mark is a raised red birthmark, often on the scalp or face of a newborn. Most shrink on their own."),
            "keloid": CorpusFixture.article(
                title: "Keloid", kind: "concern",
                body: "A keloid is a raised scar that grows past the wound, often on the ear after a piercing. It may return after surgery."),
            "eczema": CorpusFixture.article(
                title: "Eczema", kind: "concern", body: "Dry, itchy, red skin in the creases of the elbows and knees."),
        ])
        try! fixture.buildIndex()
        return fixture
    }()

    private func reply(_ query: String, from daemon: DaemonProcess) async throws -> [String: Any] {
        let line = try await daemon.request(.search(SearchRequest(query: query)))
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    private func slugs(_ reply: [String: Any]) -> [String] {
        ((reply["hits"] as? [[String: Any]]) ?? []).compactMap { $0["slug"] as? String }
    }

    /// "Will it go away?" does not ask about GO, so the story's "strawberry mark" still names Birthmarks.
    @Test func aWordOfTalkInTheQuestionNamesNoArticle() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let reply = try await reply(
            "Our newborn has a bright red raised strawberry mark on her scalp that is getting bigger. Will it go away on its own?",
            from: daemon)
        #expect(slugs(reply).first == "birthmarks")
        let named = ((reply["interpreted_as"] as? [[String: Any]]) ?? []).compactMap { $0["term"] as? String }
        #expect(!named.contains("go"))
    }

    /// A forwarded message with a six-letter misspelled name.
    @Test func aMisspelledNameOfSixLettersIsCorrected() async throws {
        let daemon = try await DaemonProcess.start(index: Self.fixture.indexPath)
        defer { daemon.kill() }
        let reply = try await reply(
            "SUBJECT: keliod MESSAGE: My son has a keliod on his ear after a piercing. If it is cut off will it come back?", from: daemon)
        #expect((reply["did_you_mean"] as? String)?.contains("keloid") == true)
        #expect(slugs(reply).first == "keloid")
    }
}
