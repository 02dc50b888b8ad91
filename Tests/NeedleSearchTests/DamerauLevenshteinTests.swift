@testable import NeedleSearch
import Testing

@Suite struct DamerauLevenshteinTests {
    private func distance(_ source: String, _ target: String, atMost bound: Int = 5) -> Int? {
        DamerauLevenshtein.distance(Array(source.utf8), Array(target.utf8), atMost: bound)
    }

    @Test(arguments: [
        ("melasma", "melasma", 0), ("melazma", "melasma", 1), ("mirco", "micro", 1), ("micro", "mcro", 1),
        ("micro", "micros", 1), ("peel", "pele", 1), ("retinl", "retinol", 1), ("hyperpigmantation", "hyperpigmentation", 1),
        ("microneedlng", "microneedling", 1), ("", "acne", 4), ("acne", "", 4), ("kitten", "sitting", 3),
    ])
    func countsInsertionsDeletionsSubstitutionsAndSwaps(source: String, target: String, expected: Int) {
        #expect(distance(source, target) == expected)
        #expect(distance(target, source) == expected, "the distance is symmetric")
    }

    @Test func aSwapOfNeighboursIsOneEditNotTwo() {
        #expect(distance("acen", "acne", atMost: 1) == 1)
    }

    @Test func noPartIsEditedTwice() {
        // True Damerau–Levenshtein gives 2 (swap, then insert between); optimal string alignment gives 3.
        #expect(distance("ca", "abc") == 3)
    }

    @Test(arguments: [("melazma", "melasma", 0), ("peel", "laser", 2), ("acne", "acneiform", 4), ("abcdef", "ghijkl", 3)])
    func givesUpBeyondTheBound(source: String, target: String, bound: Int) {
        #expect(distance(source, target, atMost: bound) == nil)
    }

    @Test func aDistanceEqualToTheBoundIsKept() {
        #expect(distance("peel", "pool", atMost: 2) == 2)
        #expect(distance("sonscrean", "sunscreen", atMost: 2) == 2)
    }

    @Test func worksOnSlicesOfLargerBuffers() {
        let buffer = Array("xxmelasmaxx".utf8)
        #expect(DamerauLevenshtein.distance(Array("melazma".utf8), buffer[2..<9], atMost: 1) == 1)
    }
}
