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
        for position in 1..<prefix.count {
            let head = prefix[..<position]
            shared = range(startingWith: head, within: shared)
            guard !shared.isEmpty else { break }
            let tail = prefix[(position + 1)...]
            ranges.append(range(startingWith: head + tail, within: shared))
            if position + 1 < prefix.count {
                ranges.append(range(startingWith: head + [prefix[position + 1], prefix[position]] + tail.dropFirst(), within: shared))
            }
            for (character, group) in characterGroups(in: shared, at: position) {
                if character != prefix[position] {
                    ranges.append(range(startingWith: head + [character] + tail, within: group))
                }
                ranges.append(range(startingWith: head + [character] + prefix[position...], within: group))
            }
        }
        return ranges.filter { !$0.isEmpty }
    }

    /// The entries of `bounds` split by the character at `position` of their text, in
    /// order; `bounds` must share their first `position` characters.
    private func characterGroups(in bounds: Range<Int>, at position: Int) -> [(UInt8, Range<Int>)] {
        var groups: [(UInt8, Range<Int>)] = []
        var start = firstEntry(in: bounds) { key(of: $0).count > position }
        while start < bounds.upperBound {
            let character = character(of: entries[start], at: position)
            let end = firstEntry(in: start..<bounds.upperBound) { self.character(of: $0, at: position) != character }
            groups.append((character, start..<end))
            start = end
        }
        return groups
    }

    private func character(of entry: Entry, at position: Int) -> UInt8 {
        let text = key(of: entry)
        return text[text.startIndex + position]
    }
}
