/// One generated request line for a protocol fuzz run.
public struct FuzzInput: Sendable {
    /// What kind of hostile input it is, for the run's tally.
    public var family: String
    /// The line, newline included; it holds no other newline and is never blank, so the
    /// daemon answers it with exactly one response line.
    public var bytes: [UInt8]
    /// True when it is a valid request the daemon must answer with `ok: true`.
    public var isValid: Bool
}
