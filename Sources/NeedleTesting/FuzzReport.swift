/// What a protocol fuzz run saw.
public struct FuzzReport: Sendable, CustomStringConvertible {
    /// Input lines sent.
    public var sent = 0
    /// Response lines received; equals `sent` when every input was answered.
    public var answered = 0
    /// Responses with `ok: true`.
    public var succeeded = 0
    /// Error responses by `error.code`.
    public var errorCodes: [String: Int] = [:]
    /// Inputs sent, by family.
    public var families: [String: Int] = [:]
    /// Valid requests that did not get `ok: true`.
    public var validButFailed = 0
    /// Response lines that were not a JSON object with a boolean `ok`.
    public var malformedResponses = 0

    public init() {}

    /// Adds another connection's tally to this one.
    public mutating func merge(_ other: FuzzReport) {
        sent += other.sent
        answered += other.answered
        succeeded += other.succeeded
        validButFailed += other.validButFailed
        malformedResponses += other.malformedResponses
        errorCodes.merge(other.errorCodes, uniquingKeysWith: +)
        families.merge(other.families, uniquingKeysWith: +)
    }

    public var description: String {
        let codes = errorCodes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let kinds = families.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return """
            sent \(sent), answered \(answered), ok \(succeeded), valid-but-failed \(validButFailed), malformed responses \(malformedResponses)
            errors: \(codes)
            inputs: \(kinds)
            """
    }
}
