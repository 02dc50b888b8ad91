@testable import NeedleServer
import Testing

@Suite struct ResultCacheTests {
    @Test func aStoredAnswerIsFoundUnderItsKeyOnly() {
        let cache = ResultCache<String, Int>(capacity: 4)
        cache.store(1, for: "acne")
        #expect(cache.lookUp("acne") == 1)
        #expect(cache.lookUp("acne scars") == nil)
    }

    @Test func storingAKeyAgainReplacesItsAnswer() {
        let cache = ResultCache<String, Int>(capacity: 4)
        cache.store(1, for: "acne")
        cache.store(2, for: "acne")
        #expect(cache.lookUp("acne") == 2)
        #expect(cache.count == 1)
    }

    @Test func aFullCacheNeverHoldsMoreThanItsCapacity() {
        let cache = ResultCache<Int, Int>(capacity: 3)
        for key in 0..<100 { cache.store(key, for: key) }
        #expect(cache.count == 3)
        #expect((97..<100).allSatisfy { cache.lookUp($0) == $0 }, "the newest answers stay")
    }

    @Test func anAnswerInUseOutlivesOnesNotUsed() {
        let cache = ResultCache<String, Int>(capacity: 3)
        cache.store(1, for: "a")
        cache.store(2, for: "b")
        cache.store(3, for: "c")
        #expect(cache.lookUp("a") == 1)
        cache.store(4, for: "d")
        #expect(cache.lookUp("a") == 1, "a was used since it was stored, so the hand passed it")
        #expect(cache.lookUp("b") == nil, "b was the first unused entry the hand met")
        #expect(cache.lookUp("c") == 3 && cache.lookUp("d") == 4)
    }

    @Test func capacityZeroKeepsNothing() {
        let cache = ResultCache<String, Int>(capacity: 0)
        cache.store(1, for: "acne")
        #expect(cache.lookUp("acne") == nil)
        #expect(cache.count == 0)
    }
}
