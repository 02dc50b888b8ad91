/// One key of an article's front matter and its value, as YAML composes them, with
/// file lines: what ``FrontMatter`` reads its fields from, whichever parser produced it.
struct FrontMatterEntry: Equatable {
    /// The key's text; empty for a key that is not a scalar.
    var key: String
    /// File line of the key.
    var line: Int
    var value: FrontMatterValue
}

/// A front matter value, reduced to what ``FrontMatter`` tells apart.
indirect enum FrontMatterValue: Equatable {
    /// An empty value, `~` or `null` (unquoted).
    case null
    /// Any other scalar, as YAML reads it (quotes removed, not yet trimmed).
    case text(String)
    /// A sequence, with the file line of each item.
    case list([Item])
    /// A mapping, or any other node that is neither text nor a list: never valid here.
    case other

    struct Item: Equatable {
        var value: FrontMatterValue
        var line: Int
    }
}
