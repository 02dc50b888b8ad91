/// One line of `synonyms.txt`.
///
/// - `botox, botulinum toxin` is an ``Form/equivalent`` group: a query for any term finds all.
/// - `sunblock, sun block => sunscreen` is ``Form/oneWay``: `sunblock` and `sun block`
///   are expanded to `sunscreen`, but `sunscreen` does not pull them in.
public struct SynonymRule: Sendable, Hashable, Codable {
    public enum Form: String, Sendable, Hashable, Codable {
        case equivalent
        case oneWay = "one-way"
    }

    public var form: Form
    /// Every term of an equivalence group; the left side of a one-way rule.
    public var terms: [String]
    /// The right side of a one-way rule; empty for an equivalence group.
    public var targets: [String]
    /// 1-based line in the synonyms file, for provenance (`synonyms.txt:12`).
    public var line: Int

    public init(form: Form, terms: [String], targets: [String] = [], line: Int) {
        self.form = form
        self.terms = terms
        self.targets = targets
        self.line = line
    }
}
