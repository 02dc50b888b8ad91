/// One problem found while reading a corpus, located at a file and line.
///
/// Diagnostics are values: the reader collects all of them and the edge (the CLI)
/// renders them once, as `path:line: message` for errors and
/// `path:line: warning: message` for warnings.
///
/// ```swift
/// let d = Diagnostic(.error, path: "Corpus/articles/acne.md", line: 3, "unknown kind 'cream'")
/// print(d) // Corpus/articles/acne.md:3: unknown kind 'cream'
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The corpus cannot be indexed.
        case error
        /// The corpus can be indexed, but something looks wrong. `--strict` makes it an error.
        case warning
    }

    public var severity: Severity
    /// The file, as the user named it (relative paths stay relative).
    public var path: String
    /// 1-based line number in `path`.
    public var line: Int
    public var message: String

    public init(_ severity: Severity, path: String, line: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        switch severity {
        case .error: return "\(path):\(line): \(message)"
        case .warning: return "\(path):\(line): warning: \(message)"
        }
    }

    /// The same diagnostic raised to an error (for `--strict`).
    public var escalated: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
