/// One fact that several articles state, kept once in `facts.yaml` so they state it alike.
///
/// ```yaml
/// - id: isotretinoin-wait
///   fact: Wait about six months after the last isotretinoin dose before deeper procedures.
///   about: [isotretinoin, [wait, after]]   # every entry must match; a list matches when one term does
///   unless: [course]                       # a sentence with one of these is about something else
///   states: six months                     # every time such a sentence states must be this one
///   says: [after the last dose]            # to state the fact, a sentence needs one of these phrases
///   never: [being reviewed]                # phrases that contradict the fact
///   stated-in: [isotretinoin, laser-resurfacing]
/// ```
/// A sentence is about the fact when every `about` entry and no `unless` term matches
/// the words of its context: the sentence, the article's title and, for the first
/// sentence of a section, its heading (under `## FAQ`, the question it answers). A term
/// matches words that start with it, so `pregnan` matches "pregnancy" and "pregnant",
/// and a term of several words matches them in a row.
public struct Fact: Sendable, Hashable {
    public var id: String
    /// The fact in one plain sentence, quoted in diagnostics.
    public var statement: String
    /// Terms a sentence must contain to be about the fact: one of each inner list.
    public var about: [[String]]
    /// Terms that make a sentence about something else.
    public var exceptions: [String]
    /// The quantity every sentence about the fact must give when it gives one of its dimension.
    public var quantity: StatedQuantity?
    /// Phrases of which a sentence about the fact needs one to state it (none: any sentence about it).
    public var phrases: [String]
    /// Phrases that contradict the fact when a sentence about it contains one.
    public var contradictions: [String]
    /// Slugs of articles that must state the fact (with its quantity, when it has one).
    public var statedIn: [String]
    /// Where the fact is written, for diagnostics.
    public var path: String
    public var line: Int

    public init(
        id: String, statement: String, about: [[String]], exceptions: [String] = [], quantity: StatedQuantity? = nil,
        phrases: [String] = [], contradictions: [String] = [], statedIn: [String] = [], path: String = "facts.yaml", line: Int = 1
    ) {
        self.id = id
        self.statement = statement
        self.about = about.map { $0.map(Self.words) }.map { $0.map { $0.joined(separator: " ") } }
        self.exceptions = exceptions.map { Self.words($0).joined(separator: " ") }
        self.quantity = quantity
        self.phrases = phrases.map { Self.words($0).joined(separator: " ") }
        self.contradictions = contradictions.map { Self.words($0).joined(separator: " ") }
        self.statedIn = statedIn
        self.path = path
        self.line = line
    }

    /// Whether `context` (lowercased words) holds one term of every `about` entry.
    public func isAbout(_ context: [String]) -> Bool {
        about.allSatisfy { alternatives in alternatives.contains { Self.term($0, occursIn: context) } }
            && !exceptions.contains { Self.term($0, occursIn: context) }
    }

    /// The first contradicting phrase that `words` contain, if any.
    public func contradiction(in words: [String]) -> String? {
        contradictions.first { Self.phrase($0, occursIn: words) }
    }

    /// Whether a sentence about the fact with `words` and `quantities` states it.
    public func isStated(by words: [String], quantities: [StatedQuantity]) -> Bool {
        (quantity.map(quantities.contains) ?? true) && (phrases.isEmpty || phrases.contains { Self.phrase($0, occursIn: words) })
    }

    /// `fact 'id' (path:line)`, for diagnostics.
    var reference: String { "fact '\(id)' (\(path):\(line))" }

    /// Lowercased runs of letters and digits: the words terms and phrases are matched against.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static func term(_ term: String, occursIn words: [String]) -> Bool {
        let parts = term.split(separator: " ")
        guard !parts.isEmpty, parts.count <= words.count else { return false }
        return (0...(words.count - parts.count)).contains { start in
            parts.indices.allSatisfy { words[start + $0].hasPrefix(parts[$0]) }
        }
    }

    private static func phrase(_ phrase: String, occursIn words: [String]) -> Bool {
        let parts = phrase.split(separator: " ").map(String.init)
        guard !parts.isEmpty, parts.count <= words.count else { return false }
        return (0...(words.count - parts.count)).contains { start in
            parts.indices.allSatisfy { words[start + $0] == parts[$0] }
        }
    }
}
