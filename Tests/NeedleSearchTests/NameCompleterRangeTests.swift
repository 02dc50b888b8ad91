import NeedleProtocol
@testable import NeedleSearch
import Testing

/// The completer's searches over its sorted entries (packed heads for short prefixes, bytes
/// past 8) must find exactly what a scan of every entry finds.
@Suite struct NameCompleterRangeTests {
    /// 120 articles named with words of a three-letter alphabet, so names share long
    /// prefixes, many longer than 8 bytes.
    static let completer: NameCompleter = {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33) % bound
        }
        let letters = Array("abc")
        func name() -> String {
            (0..<(1 + next(3))).map { _ in String((0..<(1 + next(7))).map { _ in letters[next(3)] }) }.joined(separator: " ")
        }
        var articles: [Suggestion] = []
        var names: [(text: String, article: Int, role: NameCompleter.Name.Role)] = []
        for article in 0..<120 {
            let title = name()
            articles.append(Suggestion(text: title, slug: "a\(article)", kind: "guide", matched: title))
            names.append((title, article, .title))
            if next(2) == 0 { names.append((name(), article, .alias)) }
        }
        return NameCompleter(articles: articles, names: names)
    }()

    /// Every prefix of every entry's text up to 12 bytes, and each with its last byte changed.
    static let prefixes: [[UInt8]] = {
        var prefixes: Set<[UInt8]> = []
        for entry in completer.entries {
            let key = Array(completer.key(of: entry))
            for length in 1...min(12, key.count) {
                let prefix = Array(key.prefix(length))
                prefixes.insert(prefix)
                for byte in Array("abc d".utf8) { prefixes.insert(prefix.dropLast() + [byte]) }
            }
        }
        return prefixes.sorted { $0.lexicographicallyPrecedes($1) }
    }()

    static let texts: [[UInt8]] = completer.entries.map { Array(completer.key(of: $0)) }

    /// The entries whose text starts with one of `prefixes`, by looking at each.
    private func scan(_ prefixes: Set<[UInt8]>) -> Set<Int> {
        let lengths = Set(prefixes.map(\.count))
        return Set(Self.texts.indices.filter { entry in
            lengths.contains { $0 <= Self.texts[entry].count && prefixes.contains(Array(Self.texts[entry].prefix($0))) }
        })
    }

    @Test func rangesHoldExactlyTheEntriesStartingWithThePrefix() {
        let completer = Self.completer
        #expect(Self.prefixes.contains { $0.count > 8 }, "the test needs prefixes past the packed head")
        for prefix in Self.prefixes {
            let range = completer.range(startingWith: prefix[...], within: completer.entries.indices)
            #expect(Set(range) == scan([prefix]), "prefix \(String(decoding: prefix, as: UTF8.self))")
        }
    }

    @Test func aPrefixWithAZeroByteStartsNoEntry() {
        let completer = Self.completer
        #expect(completer.range(startingWith: [UInt8(ascii: "a"), 0][...], within: completer.entries.indices).isEmpty)
        #expect(completer.range(startingWith: [][...], within: completer.entries.indices) == completer.entries.indices)
    }

    @Test func typoRangesHoldExactlyTheEntriesOneEditAway() {
        let completer = Self.completer
        let alphabet = Array("abc ".utf8)
        for (index, prefix) in Self.prefixes.enumerated() where prefix.count >= NameCompleter.minimumTypoLength && index % 5 == 0 {
            var edited: Set<[UInt8]> = []
            for position in 1..<prefix.count {
                let head = Array(prefix[..<position])
                let tail = Array(prefix[(position + 1)...])
                edited.insert(head + tail)
                if position + 1 < prefix.count { edited.insert(head + [prefix[position + 1], prefix[position]] + tail.dropFirst()) }
                for character in alphabet {
                    edited.insert(head + [character] + tail)
                    edited.insert(head + [character] + prefix[position...])
                }
            }
            let expected = scan(edited)
            let found = completer.typoRanges(of: prefix).reduce(into: Set<Int>()) { $0.formUnion($1) }
            #expect(found == expected, "prefix \(String(decoding: prefix, as: UTF8.self))")
        }
    }
}
