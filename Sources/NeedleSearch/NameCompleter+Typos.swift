extension NameCompleter {
    /// The ranges of entries whose text is within one edit of `prefix`: it starts with the
    /// prefix after one deletion, swap of neighbours, substitution or insertion, never of
    /// or before the first character.
    ///
    /// The sorted entries are walked like a trie: an edit at position `i` is only tried
    /// inside the range of entries that share the prefix's first `i` characters, and a
    /// substitution or insertion only with the characters that really follow them there.
    /// So the work follows the names that exist, not every string one edit away.
    /// An insertion at the very end is left out: those names start with the prefix itself.
    ///
    /// ```swift
    /// completer.typoRanges(of: Array("mirco".utf8))  // holds the range of "micro…" (a swap)
    /// ```
    func typoRanges(of prefix: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var shared = entries.indices
        // Every edited prefix is written into this one buffer, so trying one costs no allocation.
        var edited: [UInt8] = []
        edited.reserveCapacity(prefix.count + 1)
        func rangeOf(_ bounds: Range<Int>, _ write: (inout [UInt8]) -> Void) {
            edited.removeAll(keepingCapacity: true)
            write(&edited)
            let range = range(startingWith: edited[...], within: bounds)
            if !range.isEmpty { ranges.append(range) }
        }
        for position in 1..<prefix.count {
            let head = prefix[..<position]
            shared = range(startingWith: head, within: shared)
            guard !shared.isEmpty else { break }
            let tail = prefix[(position + 1)...]
            rangeOf(shared) { $0 += head; $0 += tail }
            if position + 1 < prefix.count {
                rangeOf(shared) { $0 += head; $0.append(prefix[position + 1]); $0.append(prefix[position]); $0 += tail.dropFirst() }
            }
            forEachCharacterGroup(in: shared, at: position) { character, group in
                if character != prefix[position] {
                    rangeOf(group) { $0 += head; $0.append(character); $0 += tail }
                }
                rangeOf(group) { $0 += head; $0.append(character); $0 += prefix[position...] }
            }
        }
        return ranges
    }

    /// Calls `body` with each character at `position` of the texts of `bounds` and the
    /// entries that have it there, in order; `bounds` must share their first `position` characters.
    private func forEachCharacterGroup(in bounds: Range<Int>, at position: Int, _ body: (UInt8, Range<Int>) -> Void) {
        // Texts that end at `position` sort first; their character there reads as 0.
        var start = firstEntry(in: bounds) { character(of: $0, at: position) != 0 }
        while start < bounds.upperBound {
            let character = character(of: entries[start], at: position)
            let end = firstEntry(in: start..<bounds.upperBound) { self.character(of: $0, at: position) != character }
            body(character, start..<end)
            start = end
        }
    }

    /// The byte at `position` of an entry's text, 0 past its end: read from the entry's
    /// ``NameCompleter/Entry/head`` for the first 8.
    private func character(of entry: Entry, at position: Int) -> UInt8 {
        if position < 8 { return UInt8(truncatingIfNeeded: entry.head >> UInt64(8 * (7 - position))) }
        let text = key(of: entry)
        return position < text.count ? text[text.startIndex + position] : 0
    }
}
