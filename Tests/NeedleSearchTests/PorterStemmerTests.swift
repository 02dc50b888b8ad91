import Foundation
import GRDB
@testable import NeedleSearch
import Testing

@Suite struct PorterStemmerTests {
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"),
        ("plastered", "plaster"), ("motoring", "motor"), ("conflated", "conflat"), ("hopping", "hop"),
        ("filing", "file"), ("happy", "happi"), ("relational", "relat"), ("scarring", "scar"),
        ("injections", "inject"), ("hyperpigmentation", "hyperpigment"), ("ab", "ab"),
    ])
    func stemsLikeThePorterAlgorithm(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    /// Every word of a sample text must stem exactly as SQLite's FTS5 porter tokenizer does.
    @Test func agreesWithSQLiteOnEveryWordOfASample() throws {
        let words = Array(Set(TextNormalizer.tokens(Self.sample))).sorted()
        let queue = try DatabaseQueue()
        let fts5Stems = try queue.write { db -> [String: String] in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(w, tokenize = 'porter unicode61 remove_diacritics 2')")
            try db.execute(sql: "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
            for (index, word) in words.enumerated() {
                try db.execute(sql: "INSERT INTO t(rowid, w) VALUES (?, ?)", arguments: [index, word])
            }
            var stems: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT doc, term FROM v") {
                stems[words[row["doc"] as Int]] = row["term"]
            }
            return stems
        }
        let disagreements = words.filter { PorterStemmer.stem($0) != fts5Stems[$0] }
        #expect(disagreements == [], "\(disagreements.map { "\($0): ours \(PorterStemmer.stem($0)), fts5 \(fts5Stems[$0] ?? "-")" })")
    }

    static let sample = """
        Microneedling, also called percutaneous collagen induction or collagen induction therapy, uses fine
        needles to create controlled micro-injuries. Generally, treatments are repeated monthly; results vary.
        Hyperpigmentation, inflammation, sensitivity, rationalization, conditional, hopefulness, formality,
        electrical, generalization, agreement, dependent, adjustable, adoption, controlling, rolling, hopping,
        sized, probate, rate, cease, falling, filing, happily, relational, digitizer, conformabli, radically,
        differently, vilely, analogously, vietnamization, predication, operator, feudalism, decisiveness,
        callousness, formaliti, sensitiviti, sensibiliti, triplicate, formative, formalize, electriciti, hopeful,
        goodness, revival, allowance, inference, airliner, gyroscopic, defensible, irritant, replacement,
        homologou, communism, activate, angulariti, homologous, effective, bowdlerize, controll, roll, skies,
        dying, lying, tying, news, innings, outing, canning, ized, feed, bled, sing, aed, yea, eyes, hopped,
        tanned, fizzed, failing, filing, flies, dies, mules, denied, died, agreed, owned, humbled, sized,
        meeting, stating, siezing, itemization, sensational, traditional, reference, colonizer, plotted,
        redness, erythema, rosacea, eczema, dermatitis, isotretinoin, tretinoin, retinoids, ceramides, SPF.
        """
}
