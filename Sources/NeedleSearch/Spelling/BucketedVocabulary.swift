import Foundation

/// Words with their document frequencies, grouped by first letter and length.
///
/// A typo keeps its first letter, so it is compared only with the words of its bucket
/// and of the neighbouring lengths its edit bound allows, never the whole vocabulary.
/// Each bucket keeps its words sorted in one flat byte array (they all have the same
/// length), so a large corpus's vocabulary costs little memory and an exact word is found
/// by binary search. Each word also has a bit set of the letters it contains: one edit
/// changes at most two bits of it (a substitution drops one letter and adds another), so
/// a word whose set differs from the typo's in more than twice the bound is skipped
/// without computing its distance, which is most of them.
///
/// ```swift
/// let words = BucketedVocabulary(["melasma": 4, "melanin": 9])
/// words.contains(Array("melasma".utf8))                      // true
/// words.matches(of: Array("melazma".utf8), within: 1)         // [melasma, distance 1, frequency 4]
/// ```
struct BucketedVocabulary: Sendable {
    /// A word within the edit bound of the one looked up.
    struct Match: Sendable, Hashable {
        var word: [UInt8]
        var distance: Int
        var documentFrequency: Int
    }

    /// The words of one first letter and one length.
    private struct Bucket: Sendable {
        let length: Int
        var bytes: [UInt8] = []
        var frequencies: [Int] = []
        var letterSets: [UInt32] = []

        var count: Int { frequencies.count }

        mutating func append(_ word: [UInt8], frequency: Int) {
            bytes += word
            frequencies.append(frequency)
            letterSets.append(BucketedVocabulary.letterSet(of: word))
        }

        func word(_ index: Int) -> ArraySlice<UInt8> {
            bytes[(index * length)..<((index + 1) * length)]
        }
    }

    private var buckets: [Int: Bucket] = [:]

    /// - Parameter frequencies: each word (folded, or a stem) and how many documents hold it.
    init(_ frequencies: [String: Int]) {
        for (word, frequency) in frequencies.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let bytes = Array(word.utf8)
            guard let first = bytes.first else { continue }
            let key = Self.key(first: first, length: bytes.count)
            buckets[key, default: Bucket(length: bytes.count)].append(bytes, frequency: frequency)
        }
    }

    func contains(_ word: some Collection<UInt8>) -> Bool {
        frequency(of: word) != nil
    }

    /// How many documents hold `word` (its bytes, as an array or a string's UTF-8 view);
    /// `nil` when it is not in the vocabulary.
    func frequency(of word: some Collection<UInt8>) -> Int? {
        if let found = word.withContiguousStorageIfAvailable(frequency(ofBytes:)) { return found }
        return Array(word).withUnsafeBufferPointer(frequency(ofBytes:))
    }

    /// A binary search of the word's bucket, comparing bytes in place: every word of a query
    /// and of its expansion is looked up.
    private func frequency(ofBytes word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = word.first, let bucket = buckets[Self.key(first: first, length: word.count)] else { return nil }
        let length = word.count
        return bucket.bytes.withUnsafeBufferPointer { bytes -> Int? in
            // Words of one bucket have one length, so comparing their bytes orders them as `init` sorted them.
            let compare = { (index: Int) in memcmp(bytes.baseAddress! + index * length, word.baseAddress!, length) }
            var low = 0
            var high = bucket.count
            while low < high {
                let middle = (low + high) / 2
                if compare(middle) < 0 { low = middle + 1 } else { high = middle }
            }
            return low < bucket.count && compare(low) == 0 ? bucket.frequencies[low] : nil
        }
    }

    /// Every word with the same first letter within `bound` edits of `word`.
    func matches(of word: [UInt8], within bound: Int) -> [Match] {
        guard let first = word.first else { return [] }
        var matches: [Match] = []
        let letters = Self.letterSet(of: word)
        for length in max(1, word.count - bound)...(word.count + bound) {
            guard let bucket = buckets[Self.key(first: first, length: length)] else { continue }
            for index in 0..<bucket.count where (bucket.letterSets[index] ^ letters).nonzeroBitCount <= 2 * bound {
                let candidate = bucket.word(index)
                if let distance = DamerauLevenshtein.distance(word, candidate, atMost: bound) {
                    matches.append(Match(word: Array(candidate), distance: distance, documentFrequency: bucket.frequencies[index]))
                }
            }
        }
        return matches
    }

    /// One bit per letter a–z, the other bytes share the six remaining bits (sharing only
    /// lets more words through to the distance computation, never fewer).
    private static func letterSet(of word: some Sequence<UInt8>) -> UInt32 {
        var set: UInt32 = 0
        for byte in word {
            let bit = byte >= 0x61 && byte <= 0x7a ? UInt32(byte - 0x61) : 26 + UInt32(byte % 6)
            set |= 1 << bit
        }
        return set
    }

    private static func key(first: UInt8, length: Int) -> Int {
        length << 8 | Int(first)
    }
}
