@testable import NeedleSearch
import Testing

/// Each phrase is counted once per index, and the kept counts stay bounded.
@Suite struct PassagePhraseCountsTests {
    @Test func aPhraseIsCountedOnce() {
        let counts = PassagePhraseCounts()
        var counted = 0
        for _ in 0..<3 {
            #expect(counts.count(of: ["skin", "needling"]) { counted += 1; return 7 } == 7)
        }
        #expect(counted == 1)
        #expect(counts.count(of: ["chemical", "peel"]) { counted += 1; return 2 } == 2)
        #expect(counted == 2)
    }

    @Test func aFailedCountIsNotKept() {
        struct Interrupted: Error {}
        let counts = PassagePhraseCounts()
        #expect(throws: Interrupted.self) { try counts.count(of: ["acne", "scars"]) { throw Interrupted() } }
        #expect(counts.count(of: ["acne", "scars"]) { 4 } == 4)
    }

    @Test func theKeptCountsStartOverWhenFull() {
        let counts = PassagePhraseCounts()
        for number in 0..<(PassagePhraseCounts.capacity + 10) {
            _ = counts.count(of: ["phrase", String(number)]) { Int64(number) }
        }
        #expect(counts.count == 10)
    }
}
