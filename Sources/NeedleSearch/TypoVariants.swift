/// The strings one typo away from a typed prefix, for finding names despite the typo.
///
/// A name is within one edit of a prefix exactly when it starts with one of these
/// variants, so a few hundred binary searches replace comparing the prefix with every
/// name. The first character is never changed, removed, swapped or preceded by an
/// inserted one: people rarely mistype it, and keeping it keeps the variants few.
///
/// ```swift
/// TypoVariants.of(Array("mirco".utf8), alphabet: Array("abcimor".utf8)).contains(Array("micro".utf8)) // true (a swap)
/// ```
enum TypoVariants {
    /// Every string one deletion, swap of neighbours, substitution or insertion (of a
    /// character of `alphabet`) away from `prefix`, except `prefix` itself.
    static func of(_ prefix: [UInt8], alphabet: [UInt8]) -> Set<[UInt8]> {
        guard prefix.count > 1 else { return [] }
        var variants = Set<[UInt8]>()
        for position in 1..<prefix.count {
            var deleted = prefix
            deleted.remove(at: position)
            variants.insert(deleted)
            if position + 1 < prefix.count {
                var swapped = prefix
                swapped.swapAt(position, position + 1)
                variants.insert(swapped)
            }
            for character in alphabet {
                var substituted = prefix
                substituted[position] = character
                variants.insert(substituted)
            }
        }
        for position in 1...prefix.count {
            for character in alphabet {
                var inserted = prefix
                inserted.insert(character, at: position)
                variants.insert(inserted)
            }
        }
        variants.remove(prefix)
        return variants
    }
}
