import GRDB

/// Corrects query words the index has never seen to the closest words it has.
///
/// The vocabulary is what FTS5 indexed (the Porter stems of `articles_fts`, read through
/// `fts5vocab`, with how many articles hold each) plus every word of the concept names:
/// titles, aliases, concerns and `synonyms.txt` terms. A token is known when its stem is
/// indexed or it is a name word.
///
/// An unknown token of 4 to 7 characters is corrected to a word one edit away, a longer
/// one to a word up to two edits away (Damerau–Levenshtein: insert, delete, substitute,
/// swap two neighbours); the first letter is never changed. The token is compared with
/// name words as typed and, by its stem, with the indexed stems. The closest word wins,
/// then the one more articles hold. Stopwords, words with digits and words shorter than
/// 4 characters are never corrected. A stem's closeness is not enough: the correction itself
/// must be within the bound of the typed word ("hiking" stems to "hike", one edit from the
/// stem "hive", but "hives" is no correction of it).
///
/// A correction is a real word, never a bare stem: a name word, or for a stem, the word
/// closest to the typo among the name words and the words an article was indexed from
/// that have the stem.
///
/// ```swift
/// index.corrector.isKnown("scarring")                            // true: "scar" is indexed
/// try index.corrector.correction(for: "melazma", in: db)?.word    // "melasma"
/// try await index.correction(for: "microneedlng")?.word           // "microneedling"
/// ```
public struct SpellingCorrector: Sendable {
    /// A corrected token.
    public struct Correction: Sendable, Hashable {
        /// The corrected word, folded (lowercase, accents removed), e.g. "microneedling".
        public var word: String
        /// Edits from the token to the word (or from the token's stem to the word's stem).
        public var distance: Int
        /// How many articles hold the word's stem; 0 for a word only `synonyms.txt` has.
        public var documentFrequency: Int
    }

    /// A vocabulary word within the token's edit bound.
    private struct Candidate {
        var match: BucketedVocabulary.Match
        var isStem: Bool

        func precedes(_ other: Candidate) -> Bool {
            if match.distance != other.match.distance { return match.distance < other.match.distance }
            if match.documentFrequency != other.match.documentFrequency {
                return match.documentFrequency > other.match.documentFrequency
            }
            if isStem != other.isStem { return !isStem }
            return match.word.lexicographicallyPrecedes(other.match.word)
        }
    }

    /// The shortest token that is ever corrected.
    public static let minimumLength = 4
    /// The shortest token that may be two edits from its correction.
    public static let twoEditLength = 8

    /// Stems indexed by FTS5, with how many articles hold each.
    private let stems: BucketedVocabulary
    /// Words of concept names, with how many articles hold their stems.
    private let nameWords: BucketedVocabulary
    /// The name words of each stem that names have.
    private let nameWordsForStem: [String: [String]]
    /// The words articles were indexed from, by stem, as corrections have needed them:
    /// turning a stem back into a word reads and tokenizes a whole article, and the same
    /// stems come back from message to message (a seventh of a long search before).
    private let indexedWords = BoundedCache<String, [String]>(capacity: 4_096)
    /// The corrections of the tokens looked up so far (nil for none): a message's everyday
    /// words that no article holds ("moisturise", "pharmacy") come back from message to message,
    /// and each lookup compares the token with a part of the vocabulary.
    private let corrections = BoundedCache<String, Correction?>(capacity: 4_096)

    /// - Parameters:
    ///   - stemFrequencies: each indexed stem and how many articles hold it.
    ///   - nameWords: the folded words of all concept names (repeats are fine).
    init(stemFrequencies: [String: Int], nameWords words: some Sequence<String>) {
        var nameFrequencies: [String: Int] = [:]
        var nameWordsForStem: [String: [String]] = [:]
        for word in words where nameFrequencies[word] == nil {
            let stem = PorterStemmer.stem(word)
            nameFrequencies[word] = stemFrequencies[stem] ?? 0
            nameWordsForStem[stem, default: []].append(word)
        }
        stems = BucketedVocabulary(stemFrequencies)
        nameWords = BucketedVocabulary(nameFrequencies)
        self.nameWordsForStem = nameWordsForStem
    }

    /// Reads the vocabulary of an index through a connection that ``IndexVocabulary/attach(_:)`` prepared.
    static func load(_ db: Database) throws -> SpellingCorrector {
        var frequencies: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT term, doc FROM temp.\(IndexVocabulary.rowTable)")
        while let row = try rows.next() { frequencies[row[0]] = row[1] }
        let names = try String.fetchAll(db, sql: "SELECT name FROM names UNION SELECT term FROM synonym_terms")
        return SpellingCorrector(stemFrequencies: frequencies, nameWords: names.lazy.flatMap(TextNormalizer.tokens))
    }

    /// Whether the index or a concept name has this folded token (or its stem).
    ///
    /// ```swift
    /// corrector.isKnown("scars")   // true
    /// corrector.isKnown("melazma") // false
    /// ```
    public func isKnown(_ token: String) -> Bool {
        let bytes = Array(token.utf8)
        return isKnown(bytes, stem: PorterStemmer.stem(bytes))
    }

    /// ``isKnown(_:)`` of a word whose stem is known.
    func isKnown(_ word: QueryWord) -> Bool {
        isKnown(word.text.utf8, stem: word.stem.utf8)
    }

    private func isKnown(_ token: some Collection<UInt8>, stem: some Collection<UInt8>) -> Bool {
        nameWords.contains(token) || stems.contains(stem)
    }

    /// How many articles hold the folded token's stem; 0 when none does.
    public func documentFrequency(of token: String) -> Int {
        stems.frequency(of: PorterStemmer.stem(Array(token.utf8))) ?? 0
    }

    /// How many articles hold a stem; 0 when none does.
    public func documentFrequency(ofStem stem: String) -> Int {
        stems.frequency(of: stem.utf8) ?? 0
    }

    /// Whether ``correction(for:in:)`` would look the folded token up: it is unknown and
    /// long enough, and not a stopword or a number.
    public func looksUp(_ token: String) -> Bool {
        editBound(for: token) != nil && !isKnown(token)
    }

    /// ``looksUp(_:)`` of a word whose stem is known.
    func looksUp(_ word: QueryWord) -> Bool {
        editBound(length: word.length, isStopword: word.isStopword, hasNumber: word.hasNumber) != nil && !isKnown(word)
    }

    /// The best correction of a folded token (as ``ParsedQuery`` yields them), or `nil`
    /// when the token is known, is never corrected, or has no word close enough.
    ///
    /// `db` is a connection of the same index, prepared by ``IndexVocabulary/attach(_:)`` as
    /// ``SearchIndex``'s connections are; it is read only when the closest vocabulary entry is
    /// a stem, to find a word for it. ``SearchIndex/correction(for:)`` does this on a pool connection.
    public func correction(for token: String, in db: Database) throws -> Correction? {
        guard token.utf8.count <= QueryWord.longestRemembered else { return try lookUp(token, in: db) }
        return try corrections.value(for: token) { try lookUp($0, in: db) }
    }

    private func lookUp(_ token: String, in db: Database) throws -> Correction? {
        guard let bound = editBound(for: token), !isKnown(token) else { return nil }
        let bytes = Array(token.utf8)
        let candidates = nameWords.matches(of: bytes, within: bound).map { Candidate(match: $0, isStem: false) }
            + stems.matches(of: PorterStemmer.stem(bytes), within: bound).map { Candidate(match: $0, isStem: true) }
        for candidate in candidates.sorted(by: { $0.precedes($1) }) {
            if let word = try realWord(for: candidate, typed: bytes, within: bound, in: db) {
                return Correction(word: word, distance: candidate.match.distance, documentFrequency: candidate.match.documentFrequency)
            }
        }
        return nil
    }

    /// How many edits a token may be from its correction; `nil` when it is never corrected.
    private func editBound(for token: String) -> Int? {
        editBound(
            length: token.count, isStopword: Stopwords.contains(token),
            hasNumber: token.unicodeScalars.contains { $0.properties.numericType != nil })
    }

    private func editBound(length: Int, isStopword: Bool, hasNumber: Bool) -> Int? {
        guard length >= Self.minimumLength, !isStopword, !hasNumber else { return nil }
        return length >= Self.twoEditLength ? 2 : 1
    }

    /// The candidate itself when it is a word; for a stem, of the name words and the words
    /// an article was indexed from that have it, the one closest to what was typed, if it is
    /// within `bound` of it.
    private func realWord(for candidate: Candidate, typed: [UInt8], within bound: Int, in db: Database) throws -> String? {
        let word = String(decoding: candidate.match.word, as: UTF8.self)
        guard candidate.isStem else { return word }
        let words = (nameWordsForStem[word] ?? []) + (try indexedWords.value(for: word) { try IndexVocabulary.indexedWords(forStem: $0, in: db) })
        return words.map { (word: $0, distance: distance(typed, $0)) }.filter { $0.distance <= bound }.min { $0.distance < $1.distance }?.word
    }

    /// For a word that only one article holds and no name has, a name word within its edit
    /// bound that more articles hold: "scabei", a typo in one article, read as "scabies".
    /// `nil` for any other word. A known word is corrected only this way, and only in a
    /// message (see ``QueryCorrection``), where a rare spelling of a name is a typo far more
    /// often than a word of its own.
    public func nameCorrection(forRare token: String) -> Correction? {
        guard let bound = editBound(for: token), documentFrequency(of: token) == 1 else { return nil }
        let bytes = Array(token.utf8)
        guard !nameWords.contains(bytes) else { return nil }
        return closestNameWord(to: bytes, within: bound) { $0.documentFrequency > 1 }
    }

    /// For an unknown token, the closest word of a name within its edit bound (then the one more
    /// articles hold), `nil` when none is. A message corrects its words only this way: its
    /// misspelled words that matter are names ("pemfigus", "keliod", "mibeli"), and its everyday
    /// words that no article uses are one edit from other everyday words ("string" → "strong",
    /// "stairs" → "stains") far more often than from a name.
    public func nameWordCorrection(for token: String) -> Correction? {
        guard let bound = editBound(for: token), !isKnown(token) else { return nil }
        return closestNameWord(to: Array(token.utf8), within: bound) { _ in true }
    }

    private func closestNameWord(
        to bytes: [UInt8], within bound: Int, where accepts: (BucketedVocabulary.Match) -> Bool
    ) -> Correction? {
        let best = nameWords.matches(of: bytes, within: bound).filter(accepts).min { a, b in
            (a.distance, -a.documentFrequency) != (b.distance, -b.documentFrequency)
                ? (a.distance, -a.documentFrequency) < (b.distance, -b.documentFrequency)
                : a.word.lexicographicallyPrecedes(b.word)
        }
        return best.map { Correction(word: String(decoding: $0.word, as: UTF8.self), distance: $0.distance, documentFrequency: $0.documentFrequency) }
    }

    private func distance(_ typed: [UInt8], _ word: String) -> Int {
        DamerauLevenshtein.distance(typed, Array(word.utf8), atMost: typed.count + word.utf8.count) ?? Int.max
    }
}
