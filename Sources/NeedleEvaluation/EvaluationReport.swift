import Foundation

/// The table the eval tool prints: one line per measure, with its target when it has one.
///
/// ```
/// set           task     measure   value   target  met
/// medquad-skin  search   MRR@10    0.981   0.975   yes
/// ```
public struct EvaluationReport: Sendable {
    /// One measured figure.
    public struct Line: Sendable, Hashable {
        public var set: String
        public var task: String
        public var measure: String
        public var value: Double
        public var target: Double?
        /// Shown instead of the value's decimals, e.g. "18/20".
        public var detail: String?
        /// True when the target is a ceiling (a cost), not a floor.
        public var targetIsCeiling: Bool

        public init(
            set: String, task: String, measure: String, value: Double, target: Double? = nil, detail: String? = nil,
            targetIsCeiling: Bool = false
        ) {
            self.set = set
            self.task = task
            self.measure = measure
            self.value = value
            self.target = target
            self.detail = detail
            self.targetIsCeiling = targetIsCeiling
        }

        public var meetsTarget: Bool? { target.map { targetIsCeiling ? value <= $0 + 1e-9 : value >= $0 - 1e-9 } }
    }

    public private(set) var lines: [Line] = []

    public init() {}

    public mutating func add(_ line: Line) {
        lines.append(line)
    }

    /// True when every line that has a target meets it.
    public var meetsAllTargets: Bool { lines.allSatisfy { $0.meetsTarget ?? true } }

    /// The report as an aligned plain-text table.
    public var text: String {
        let header = ["set", "task", "measure", "value", "target", "met"]
        let rows = lines.map { line in
            [line.set, line.task, line.measure, line.detail ?? Self.format(line.value),
             line.target.map { (line.targetIsCeiling ? "≤ " : "") + Self.format($0) } ?? "", line.meetsTarget.map { $0 ? "yes" : "NO" } ?? ""]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
