import Synchronization

/// The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it, so that
/// Needle can tell in Swift which words of a text FTS5 considers matches of a query
/// (for choosing a hit's section and marking its snippet).
///
/// Works on lowercase ASCII bytes; tokens shorter than 3 or longer than 64 bytes are
/// left as they are, as FTS5 does.
///
/// ```swift
/// PorterStemmer.stem("scarring")   // "scar"
/// PorterStemmer.stem("injections") // "inject"
/// ```
enum PorterStemmer {
    /// A suffix rule: replace `suffix` by `replacement` when `condition` holds for the stem before it.
    private struct Rule: Sendable {
        let suffix: [UInt8]
        let replacement: [UInt8]
        let condition: @Sendable ([UInt8], Int) -> Bool
        /// Step 1b's `-ed` and `-ing` rules are followed by a clean-up of the new ending.
        let needsCleanup: Bool

        init(_ suffix: String, _ replacement: String, _ condition: @escaping @Sendable ([UInt8], Int) -> Bool, needsCleanup: Bool = false) {
            self.suffix = Array(suffix.utf8)
            self.replacement = Array(replacement.utf8)
            self.condition = condition
            self.needsCleanup = needsCleanup
        }
    }

    static func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }

    /// How many words' stems are remembered: queries stem the same words (their own, their
    /// expansions', the headings') request after request. When full, it starts over.
    static let rememberedWords = 8_192

    private static let remembered = Mutex<[[UInt8]: [UInt8]]>([:])

    static func stem(_ word: [UInt8]) -> [UInt8] {
        guard word.count >= 3, word.count <= 64 else { return word }
        if let known = remembered.withLock({ $0[word] }) { return known }
        let stemmed = stemmed(word)
        remembered.withLock { remembered in
            if remembered.count >= rememberedWords { remembered.removeAll(keepingCapacity: true) }
            remembered[word] = stemmed
        }
        return stemmed
    }

    private static func stemmed(_ word: [UInt8]) -> [UInt8] {
        var buffer = word
        step1a(&buffer)
        if apply(step1b, to: &buffer)?.needsCleanup == true { step1bCleanup(&buffer) }
        if buffer.last == UInt8(ascii: "y"), hasVowel(buffer, buffer.count - 1) {
            buffer[buffer.count - 1] = UInt8(ascii: "i")
        }
        apply(step2, to: &buffer)
        apply(step3, to: &buffer)
        apply(step4, to: &buffer)
        step5(&buffer)
        return buffer
    }

    // MARK: Steps

    private static func step1a(_ buffer: inout [UInt8]) {
        let count = buffer.count
        guard buffer[count - 1] == UInt8(ascii: "s") else { return }
        if buffer[count - 2] == UInt8(ascii: "e") {
            let sses = count > 4 && buffer[count - 4] == UInt8(ascii: "s") && buffer[count - 3] == UInt8(ascii: "s")
            let ies = count > 3 && buffer[count - 3] == UInt8(ascii: "i")
            buffer.removeLast(sses || ies ? 2 : 1)
        } else if buffer[count - 2] != UInt8(ascii: "s") {
            buffer.removeLast()
        }
    }

    /// After `-ed`/`-ing` was removed: `at→ate`, `bl→ble`, `iz→ize`, undouble, or add `e`.
    private static func step1bCleanup(_ buffer: inout [UInt8]) {
        for (ending, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] where buffer.count > 2 && buffer.ends(with: ending) {
            buffer.removeLast(2)
            buffer += Array(replacement.utf8)
            return
        }
        let last = buffer[buffer.count - 1]
        if !isVowel(last, yIsVowel: false), !"lsz".utf8.contains(last), buffer.count >= 2, last == buffer[buffer.count - 2] {
            buffer.removeLast()
        } else if measureIsOne(buffer, buffer.count), endsCVC(buffer, buffer.count) {
            buffer.append(UInt8(ascii: "e"))
        }
    }

    private static func step5(_ buffer: inout [UInt8]) {
        if buffer.last == UInt8(ascii: "e") {
            let stem = buffer.count - 1
            if measureAboveOne(buffer, stem) || (measureIsOne(buffer, stem) && !endsCVC(buffer, stem)) {
                buffer.removeLast()
            }
        }
        if buffer.count > 1, buffer[buffer.count - 1] == UInt8(ascii: "l"), buffer[buffer.count - 2] == UInt8(ascii: "l"),
           measureAboveOne(buffer, buffer.count - 1) {
            buffer.removeLast()
        }
    }

    /// Applies the first rule whose suffix matches (the stem before it must be non-empty)
    /// and returns it; when its condition fails, no other rule is tried and nil is returned.
    @discardableResult
    private static func apply(_ rules: [Rule], to buffer: inout [UInt8]) -> Rule? {
        guard let rule = rules.first(where: { buffer.count > $0.suffix.count && buffer.ends(with: $0.suffix) }) else { return nil }
        let stem = buffer.count - rule.suffix.count
        guard rule.condition(buffer, stem) else { return nil }
        buffer.removeLast(rule.suffix.count)
        buffer += rule.replacement
        return rule
    }

    private static let step1b = [
        Rule("eed", "ee", measureAboveZero),
        Rule("ed", "", hasVowel, needsCleanup: true),
        Rule("ing", "", hasVowel, needsCleanup: true),
    ]
    private static let step2 = [
        Rule("ational", "ate", measureAboveZero), Rule("tional", "tion", measureAboveZero),
        Rule("enci", "ence", measureAboveZero), Rule("anci", "ance", measureAboveZero),
        Rule("izer", "ize", measureAboveZero), Rule("logi", "log", measureAboveZero),
        Rule("bli", "ble", measureAboveZero), Rule("alli", "al", measureAboveZero),
        Rule("entli", "ent", measureAboveZero), Rule("eli", "e", measureAboveZero),
        Rule("ousli", "ous", measureAboveZero), Rule("ization", "ize", measureAboveZero),
        Rule("ation", "ate", measureAboveZero), Rule("ator", "ate", measureAboveZero),
        Rule("alism", "al", measureAboveZero), Rule("iveness", "ive", measureAboveZero),
        Rule("fulness", "ful", measureAboveZero), Rule("ousness", "ous", measureAboveZero),
        Rule("aliti", "al", measureAboveZero), Rule("iviti", "ive", measureAboveZero),
        Rule("biliti", "ble", measureAboveZero),
    ]
    private static let step3 = [
        Rule("icate", "ic", measureAboveZero), Rule("ative", "", measureAboveZero),
        Rule("alize", "al", measureAboveZero), Rule("iciti", "ic", measureAboveZero),
        Rule("ical", "ic", measureAboveZero), Rule("ful", "", measureAboveZero), Rule("ness", "", measureAboveZero),
    ]
    private static let step4 = [
        Rule("al", "", measureAboveOne), Rule("ance", "", measureAboveOne), Rule("ence", "", measureAboveOne),
        Rule("er", "", measureAboveOne), Rule("ic", "", measureAboveOne), Rule("able", "", measureAboveOne),
        Rule("ible", "", measureAboveOne), Rule("ant", "", measureAboveOne), Rule("ement", "", measureAboveOne),
        Rule("ment", "", measureAboveOne), Rule("ent", "", measureAboveOne),
        Rule("ion", "", { measureAboveOne($0, $1) && ($0[$1 - 1] == UInt8(ascii: "s") || $0[$1 - 1] == UInt8(ascii: "t")) }),
        Rule("ou", "", measureAboveOne), Rule("ism", "", measureAboveOne), Rule("ate", "", measureAboveOne),
        Rule("iti", "", measureAboveOne), Rule("ous", "", measureAboveOne), Rule("ive", "", measureAboveOne),
        Rule("ize", "", measureAboveOne),
    ]

    // MARK: Conditions on the stem `word[0..<length]`

    private static func isVowel(_ byte: UInt8, yIsVowel: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        case UInt8(ascii: "y"): return yIsVowel
        default: return false
        }
    }

    /// Skips one vowel run then one consonant run from `start`; the index after it, or nil.
    private static func skipVowelsThenConsonants(_ word: [UInt8], from start: Int, _ length: Int, previousIsConsonant: Bool) -> Int? {
        var consonant = previousIsConsonant
        var index = start
        while index < length {
            consonant = !isVowel(word[index], yIsVowel: consonant)
            index += 1
            if !consonant { break }
        }
        guard !consonant || index < length else { return nil }
        while index < length {
            consonant = !isVowel(word[index], yIsVowel: consonant)
            index += 1
            if consonant { return index }
        }
        return nil
    }

    private static func measureAboveZero(_ word: [UInt8], _ length: Int) -> Bool {
        skipVowelsThenConsonants(word, from: 0, length, previousIsConsonant: false) != nil
    }

    private static func measureAboveOne(_ word: [UInt8], _ length: Int) -> Bool {
        guard let next = skipVowelsThenConsonants(word, from: 0, length, previousIsConsonant: false) else { return false }
        return skipVowelsThenConsonants(word, from: next, length, previousIsConsonant: true) != nil
    }

    private static func measureIsOne(_ word: [UInt8], _ length: Int) -> Bool {
        guard let next = skipVowelsThenConsonants(word, from: 0, length, previousIsConsonant: false) else { return false }
        return skipVowelsThenConsonants(word, from: next, length, previousIsConsonant: true) == nil
    }

    /// `*o`: the stem ends consonant-vowel-consonant, the last not w, x or y.
    private static func endsCVC(_ word: [UInt8], _ length: Int) -> Bool {
        guard length > 0, !"wxy".utf8.contains(word[length - 1]) else { return false }
        var mask = 0
        var consonant = false
        for index in 0..<length {
            consonant = !isVowel(word[index], yIsVowel: consonant)
            mask = (mask << 1) + (consonant ? 1 : 0)
        }
        return mask & 0b111 == 0b101
    }

    private static func hasVowel(_ word: [UInt8], _ length: Int) -> Bool {
        (0..<length).contains { isVowel(word[$0], yIsVowel: $0 > 0) }
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }

    fileprivate func ends(with suffix: String) -> Bool { ends(with: Array(suffix.utf8)) }
}
