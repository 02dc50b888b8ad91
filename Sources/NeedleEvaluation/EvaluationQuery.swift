/// One query of an evaluation set and the answers that count as right.
public struct EvaluationQuery: Sendable, Hashable {
    /// Which operation the query is scored on.
    public enum Task: String, Sendable, Hashable, CaseIterable {
        case search, suggest, ask
    }

    /// A right answer: an article, and for `ask` on MedQuAD also its section.
    public struct Answer: Sendable, Hashable {
        public var slug: String
        /// Compared case-insensitively; `nil` when any section of the article counts.
        public var section: String?

        public init(slug: String, section: String? = nil) {
            self.slug = slug
            self.section = section
        }

        func accepts(slug: String, section: String?) -> Bool {
            guard slug == self.slug else { return false }
            guard let expected = self.section else { return true }
            return section?.lowercased() == expected.lowercased()
        }
    }

    public var task: Task
    public var text: String
    /// Any one of these counts as a hit.
    public var answers: [Answer]
    /// For hit-rate sets: a hit must be within the first `k` results.
    public var cutoff: Int
    /// The kind of message, from the `qid`'s prefix before its first `-` (`symptom-03` → `symptom`);
    /// `nil` in sets without one. Figures by kind are how a set is tuned without fitting single lines.
    public var kind: String?

    public init(task: Task, text: String, answers: [Answer], cutoff: Int = 10, kind: String? = nil) {
        self.task = task
        self.text = text
        self.answers = answers
        self.cutoff = cutoff
        self.kind = kind
    }

    /// The 1-based rank of the first right answer in `results`, if any.
    public func rankOfFirstAnswer(in results: [Answer]) -> Int? {
        results.firstIndex { result in
            answers.contains { $0.accepts(slug: result.slug, section: result.section) }
        }.map { $0 + 1 }
    }
}
