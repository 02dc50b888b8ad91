import NeedleProtocol

/// A query after concept expansion: groups of alternative phrases.
///
/// Each group stands for one thing the user asked about: a name with its synonyms,
/// a single word, or a quoted phrase. A document matches a group when it contains
/// any of the group's alternatives; groups are combined with OR and ranked by bm25,
/// so documents that match more groups, and rarer ones, rank higher.
public struct ExpandedQuery: Sendable, Hashable {
    /// One thing the user asked about and the phrases that stand for it.
    public struct Group: Sendable, Hashable {
        /// The user's own tokens, first of `alternatives` too.
        public var original: [String]
        /// Token lists, each matched as a phrase.
        public var alternatives: [[String]]
        /// The concepts `original` names (none for a plain word or a quoted phrase).
        public var concepts: [Concept]
        /// False when a word that is also a name is read as a plain word (see ``QueryFocus``):
        /// it then names no article.
        public var readAsName = true

        public init(original: [String], alternatives: [[String]], concepts: [Concept] = []) {
            self.original = original
            self.alternatives = alternatives
            self.concepts = concepts
        }

        /// True when the name means different things: it names two or more articles, or
        /// belongs to two or more lines of equivalent synonyms that name no article.
        /// A one-way rule only broadens a term, so it never makes it ambiguous.
        public var isAmbiguous: Bool {
            var articles = 0
            var synonymNames = Set<String>()
            for concept in concepts {
                switch concept.source {
                case .article: articles += 1
                case .equivalentSynonyms: synonymNames.insert(concept.name.lowercased())
                case .oneWaySynonyms: break
                }
            }
            return articles > 1 || (articles == 0 && synonymNames.count > 1)
        }

        /// The concepts to report: one per distinct name, articles before synonym lines.
        var distinctConcepts: [Concept] {
            var seen = Set<String>()
            return concepts.filter { seen.insert($0.name.lowercased()).inserted }
        }
    }

    public var groups: [Group]
    /// Words of the query that are not searched (past the bounds of a long query), in order.
    public var dropped: [String]

    public init(groups: [Group], dropped: [String] = []) {
        self.groups = groups
        self.dropped = dropped
    }

    public var isEmpty: Bool { groups.isEmpty }

    /// ``dropped`` as results report it: absent when every word was searched.
    public var droppedWords: [String]? { dropped.isEmpty ? nil : dropped }

    /// Every phrase searched for, user's first, without repeats: the `expanded` field.
    public var phrases: [String] {
        var seen = Set<String>()
        var phrases: [String] = []
        for group in groups {
            for alternative in group.alternatives {
                let phrase = alternative.joined(separator: " ")
                if seen.insert(phrase).inserted { phrases.append(phrase) }
            }
        }
        return phrases
    }

    /// How the query was read: one line per concept a term named.
    public var interpretations: [Interpretation] {
        groups.flatMap { group in
            group.distinctConcepts.map { concept in
                Interpretation(
                    term: group.original.joined(separator: " "), concept: concept.name, via: concept.via,
                    ambiguous: group.isAmbiguous)
            }
        }
    }

    /// The FTS5 `MATCH` expression for this query.
    ///
    /// Every token is emitted inside double quotes (as an FTS5 string, with `"`
    /// doubled), so nothing the user typed can act as FTS5 syntax: `AND`, `NEAR`,
    /// `*`, `^`, `:` and brackets are only ever words or separators.
    ///
    /// FTS5's bm25 sums the scores of all phrases of the expression, so the user's own
    /// phrase of an expanded group is listed twice: it weighs double its expansions, and
    /// an article that uses the user's words outranks one that only uses a synonym.
    public var matchExpression: String {
        // Built like ``matchPhrases``: FTS5 numbers the phrases in this order.
        groups.map { group in
            var phrases = group.alternatives.map(Self.quoted)
            if phrases.count > 1 { phrases.insert(phrases[0], at: 1) }
            return phrases.count == 1 ? phrases[0] : "(" + phrases.joined(separator: " OR ") + ")"
        }.joined(separator: " OR ")
    }

    /// The phrases of ``matchExpression``, in the order FTS5 numbers them (an expanded
    /// group's own phrase twice): what bm25 sums over.
    var matchPhrases: [[String]] {
        groups.flatMap { group in group.alternatives.count > 1 ? [group.alternatives[0]] + group.alternatives : group.alternatives }
    }

    static func quoted(_ tokens: [String]) -> String {
        "\"" + tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
