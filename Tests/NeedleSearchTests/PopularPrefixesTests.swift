import NeedleProtocol
@testable import NeedleSearch
import Testing

/// The ranked-once answers of prefixes that begin many names must be exactly the answers
/// ranking the whole range gives.
@Suite struct PopularPrefixesTests {
    /// 600 articles whose titles, aliases and concerns are words of a small alphabet, so
    /// short prefixes begin hundreds of names, with shared concerns and exact matches.
    static let completer: NameCompleter = {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        let letters = Array("abcs")
        func word() -> String { String((0..<(2 + next(5))).map { _ in letters[next(4)] }) }
        var articles: [Suggestion] = []
        var names: [(text: String, article: Int, role: NameCompleter.Name.Role)] = []
        for article in 0..<600 {
            let title = (0..<(1 + next(3))).map { _ in word() }.joined(separator: " ")
            articles.append(Suggestion(text: title, slug: "a\(article)", kind: "treatment", matched: title))
            names.append((title, article, .title))
            for _ in 0..<next(3) { names.append(((0..<(1 + next(2))).map { _ in word() }.joined(separator: " "), article, .alias)) }
            names.append((["sa", "cab", "abc abc"][next(3)], article, .concern))
        }
        return NameCompleter(articles: articles, names: names)
    }()

    static var prefixes: [String] {
        var prefixes: Set<String> = []
        for entry in completer.entries {
            let key = completer.key(of: entry)
            for length in 1...min(8, key.count) { prefixes.insert(String(decoding: key.prefix(length), as: UTF8.self)) }
        }
        return prefixes.sorted()
    }

    @Test func shortPrefixesAreKept() {
        #expect(Self.completer.popular.count >= 4, "every one-letter prefix begins hundreds of names")
        #expect(Self.completer.popular.names(for: Array("a".utf8), limit: 8)?.count == 8)
    }

    @Test(arguments: [1, 8, 50])
    func keptAnswersAreTheRankedAnswers(limit: Int) {
        let completer = Self.completer
        for prefix in Self.prefixes {
            let bytes = Array(prefix.utf8)
            guard let kept = completer.popular.names(for: bytes, limit: limit) else { continue }
            let range = completer.range(startingWith: bytes[...], within: completer.entries.indices)
            let ranked = completer.bestNames(in: range, typed: bytes, limit: limit)
            #expect(kept.map { Int($0) } == ranked, "prefix \(prefix), limit \(limit)")
        }
    }

    @Test func prefixesOfFewNamesAreRankedOnEveryRequest() {
        let completer = Self.completer
        let few = Self.prefixes.filter { prefix in
            let bytes = Array(prefix.utf8)
            return completer.range(startingWith: bytes[...], within: completer.entries.indices).count <= PopularPrefixes.minimumRange
        }
        #expect(!few.isEmpty)
        #expect(few.allSatisfy { completer.popular.names(for: Array($0.utf8), limit: 1) == nil })
    }
}
