@testable import NeedleSearch
import Testing

@Suite struct BucketedVocabularyTests {
    let vocabulary = BucketedVocabulary(["melasma": 4, "melanin": 9, "mela": 1, "peel": 7, "café": 2, "microneedling": 3])

    private func words(near word: String, within bound: Int) -> [String] {
        vocabulary.matches(of: Array(word.utf8), within: bound).map { String(decoding: $0.word, as: UTF8.self) }.sorted()
    }

    @Test func findsExactWordsBySearch() {
        #expect(vocabulary.contains(Array("melasma".utf8)))
        #expect(vocabulary.contains(Array("café".utf8)))
        #expect(!vocabulary.contains(Array("melasm".utf8)))
        #expect(!vocabulary.contains(Array("zebra".utf8)))
    }

    /// A string's bytes are looked up where they are, with the same answers as an array of them.
    @Test func findsFrequenciesOfAStringsBytes() {
        for (word, frequency) in [("melasma", 4), ("melanin", 9), ("mela", 1), ("café", 2), ("microneedling", 3)] {
            #expect(vocabulary.frequency(of: word.utf8) == frequency)
            #expect(vocabulary.frequency(of: Array(word.utf8)) == frequency)
            #expect(vocabulary.frequency(of: word.utf8.dropLast()) == nil, "a prefix is another word")
        }
        #expect(vocabulary.frequency(of: "melasmb".utf8) == nil)
        #expect(vocabulary.frequency(of: "".utf8) == nil)
    }

    @Test(arguments: [
        ("melazma", "melasma"), ("melasm", "melasma"), ("melassma", "melasma"), ("mlesama", nil), ("mealsma", "melasma"),
        ("pxxl", nil), ("pexl", "peel"), ("cafe", nil),
    ] as [(String, String?)])
    func matchesEveryKindOfEditWithinTheBound(typo: String, expected: String?) {
        #expect(words(near: typo, within: 1) == (expected.map { [$0] } ?? []))
    }

    @Test func twoEditsReachFurther() {
        #expect(words(near: "mxcroneedlxng", within: 2) == ["microneedling"])
        #expect(words(near: "mxcroneedlxng", within: 1).isEmpty)
    }

    @Test func reportsDistanceAndFrequency() {
        let match = vocabulary.matches(of: Array("pell".utf8), within: 1)
        #expect(match == [BucketedVocabulary.Match(word: Array("peel".utf8), distance: 1, documentFrequency: 7)])
    }

    @Test func neverMatchesAnotherFirstLetter() {
        #expect(words(near: "nelasma", within: 1).isEmpty)
    }
}
