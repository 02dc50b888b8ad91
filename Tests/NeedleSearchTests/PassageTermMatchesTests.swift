import Foundation
import GRDB
import NeedleIndex
import NeedleProtocol
@testable import NeedleSearch
import NeedleTesting
import Testing

/// An answer's passage matches read from the stored terms equal what FTS5 and the
/// highlighter find: bm25 score for score, and the topic's coverage.
@Suite(.serialized) struct PassageTermMatchesTests {
    static let index = BundledIndex.make()

    /// Random questions of 2 to 9 words: words of the articles' text and titles, question
    /// words, names with synonyms, a repeated word and a quoted phrase.
    static func questions(count: Int, seed: UInt64) throws -> [String] {
        let words = try index.pool.read { db in
            try String.fetchAll(db, sql: "SELECT title || ' ' || text FROM passages JOIN articles ON articles.id = article_id ORDER BY passages.id LIMIT 400")
                .flatMap { $0.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init) }
        }
        let extra = ["how", "long", "what", "is", "after", "pci", "skin needling", "acne scars", "\"chemical peel\"", "red red", "spf", "zzzqx"]
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 2...9, using: &generator)).map { _ in
                Bool.random(using: &generator) ? extra.randomElement(using: &generator)! : words.randomElement(using: &generator)!
            }.joined(separator: " ") + "?"
        }
    }

    @Test func textScoresAndCoverageEqualFTS5AndTheHighlighter() throws {
        var compared = 0
        for text in try Self.questions(count: 200, seed: 11) {
            let question = Self.index.expand(text)
            let topic = Self.index.expander.expand(QuestionAnalysis(text).topicQuery)
            guard !question.isEmpty else { continue }
            try Self.index.pool.read { db in
                guard let matches = try PassageTermMatches(question: question, topic: topic, terms: Self.index.terms, termRows: Self.index.caches.termRows,
                phraseCounts: Self.index.caches.phraseCounts, db: db) else { return }
                let highlighter = PassageHighlighter(query: topic)
                let rows = try Row.fetchAll(db, sql: """
                    SELECT p.id, p.heading, p.text, t.terms, (
                        SELECT bm25(passages_fts, 2.0, 1.0) FROM passages_fts WHERE passages_fts MATCH ? AND rowid = p.id)
                    FROM passages p JOIN passage_terms t ON t.id = p.id
                    WHERE p.article_id IN (SELECT id FROM articles ORDER BY random() LIMIT 5)
                    """, arguments: [question.matchExpression])
                for row in rows {
                    var ids: [UInt32] = []
                    let heading = PassageTerms.decode([UInt8](row[3] as Data), into: &ids)
                    let match = matches.match(ids[...], headingTokens: heading)
                    #expect(match.text == (row[4] as Double?).map { -$0 }, "\(text): passage \(row[0] as Int64)")
                    #expect(match.coverage == highlighter.groupCoverage(of: row[2], heading: row[1]), "\(text): passage \(row[0] as Int64)")
                    compared += 1
                }
            }
        }
        #expect(compared > 1000)
    }

    @Test func aWordOnlyFTS5ReadsLeavesTheQuestionToFTS5() throws {
        let question = Self.index.expand("is κρέμα good for skin?")
        try Self.index.pool.read { db in
            let matches = try PassageTermMatches(question: question, topic: question, terms: Self.index.terms, termRows: Self.index.caches.termRows,
                phraseCounts: Self.index.caches.phraseCounts, db: db)
            #expect(matches == nil)
        }
    }
}
