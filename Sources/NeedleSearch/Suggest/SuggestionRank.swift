/// How good a suggestion is, lower is better: whether the prefix had a typo, the kind of
/// match, the matched name's length, then the title's alphabetical position, packed into
/// one integer so that one comparison orders them.
///
/// ```swift
/// let title = SuggestionRank(.titlePrefix, nameLength: 13, titleOrder: 7)
/// title.with(.exactTitle) < title          // true
/// title.asTypo() > SuggestionRank(.wordInside, nameLength: 40, titleOrder: 0) // true
/// ```
struct SuggestionRank: Comparable, Sendable {
    /// The kind of match, best first.
    enum Tier: UInt64 { case exactTitle, exactAlias, titlePrefix, aliasPrefix, concernPrefix, wordInside }

    private let value: UInt64

    private static let typoBit: UInt64 = 1 << 59
    private static let tierShift: UInt64 = 56
    private static let lengthMask: UInt64 = 0xFF_FFFF

    init(_ tier: Tier, nameLength: Int, titleOrder: Int) {
        value = tier.rawValue << Self.tierShift | UInt64(min(nameLength, Int(Self.lengthMask))) << 32 | UInt64(UInt32(titleOrder))
    }

    private init(value: UInt64) { self.value = value }

    var tier: Tier? { Tier(rawValue: value >> Self.tierShift & 0b111) }
    var nameLength: Int { Int(value >> 32 & Self.lengthMask) }

    /// The same name and title, another kind of match.
    func with(_ tier: Tier) -> SuggestionRank {
        SuggestionRank(value: value & ~(0b111 << Self.tierShift) | tier.rawValue << Self.tierShift)
    }

    /// The same match reached through a typo: below every match without one, still ordered
    /// by kind among typos (a title before an alias).
    func asTypo() -> SuggestionRank { SuggestionRank(value: value | Self.typoBit) }

    static func < (left: SuggestionRank, right: SuggestionRank) -> Bool { left.value < right.value }
}
