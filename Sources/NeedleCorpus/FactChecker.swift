/// Checks that articles state shared facts alike: against `facts.yaml`, and each FAQ
/// question asked in several articles against its other answers.
///
/// Fed one article at a time (as ``CorpusValidator``); keeps per article only its path,
/// the facts it states and its FAQ answers' quantities. Every finding is a warning at the
/// line of the sentence, naming the fact and where it is written:
/// ```text
/// Corpus/articles/dermabrasion.md:27: warning: states 'six to twelve months' where fact
///   'isotretinoin-wait' (Corpus/facts.yaml:4) says 'six months': Wait about six months …
/// ```
struct FactChecker {
    var facts: [Fact]
    private var paths: [String: String] = [:]
    private var stated: [String: Set<String>] = [:]
    private var answers: [String: (path: String, line: Int, quantities: Set<StatedQuantity>, text: String)] = [:]

    init(facts: [Fact]) {
        self.facts = facts
    }

    /// Checks the sentences of `article`, whose file holds `text`.
    mutating func check(_ article: Article, text: String, into problems: inout [Diagnostic]) {
        paths[article.slug] = article.path
        let titleWords = Fact.words(article.title)
        for sentence in ArticleSentences.sentences(of: text) {
            let words = Fact.words(sentence.text)
            let context = words + titleWords + (sentence.heading.map(Fact.words) ?? [])
            let quantities = StatedQuantity.all(in: sentence.text)
            let matched = facts.filter { $0.isAbout(context) }
            if !matched.isEmpty {
                check(sentence, words: words, quantities: quantities, against: matched, in: article, into: &problems)
            }
            if sentence.isAnswer, let question = sentence.heading, !quantities.isEmpty {
                compare(answer: sentence, to: question, quantities: quantities, in: article, into: &problems)
            }
        }
    }

    /// Reports the articles that should state a fact and do not.
    func finish(into problems: inout [Diagnostic]) {
        for fact in facts {
            for slug in fact.statedIn {
                guard let path = paths[slug] else {
                    problems.append(Diagnostic(.warning, path: fact.path, line: fact.line, "fact '\(fact.id)' names '\(slug)' in stated-in, which is not an article"))
                    continue
                }
                if stated[fact.id]?.contains(slug) != true {
                    let what = fact.quantity.map { " with '\($0.text)'" } ?? ""
                    problems.append(Diagnostic(.warning, path: path, line: 1, "does not state \(fact.reference)\(what): \(fact.statement)"))
                }
            }
        }
    }

    /// A quantity is wrong when it has the dimension of a fact the sentence is about but
    /// equals none of their quantities: one sentence may state two facts ("three to seven
    /// days for a light peel, one to two weeks for a medium one").
    private mutating func check(
        _ sentence: ArticleSentences.Sentence, words: [String], quantities: [StatedQuantity], against matched: [Fact],
        in article: Article, into problems: inout [Diagnostic]
    ) {
        let expected = Set(matched.compactMap(\.quantity))
        for fact in matched {
            if let phrase = fact.contradiction(in: words) {
                problems.append(Diagnostic(.warning, path: article.path, line: sentence.line, "says '\(phrase)', against \(fact.reference): \(fact.statement)"))
            } else if fact.isStated(by: words, quantities: quantities) {
                stated[fact.id, default: []].insert(article.slug)
            }
        }
        for quantity in quantities where !expected.contains(quantity) {
            guard let fact = matched.first(where: { $0.quantity?.dimension == quantity.dimension }),
                  let wanted = fact.quantity else { continue }
            problems.append(Diagnostic(
                .warning, path: article.path, line: sentence.line,
                "states '\(quantity.text)' where \(fact.reference) says '\(wanted.text)': \(fact.statement)"))
        }
    }

    private mutating func compare(
        answer sentence: ArticleSentences.Sentence, to question: String, quantities: [StatedQuantity],
        in article: Article, into problems: inout [Diagnostic]
    ) {
        let key = Fact.words(question).joined(separator: " ")
        let given = Set(quantities)
        guard let first = answers[key] else {
            answers[key] = (article.path, sentence.line, given, quantities.map(\.text).joined(separator: ", "))
            return
        }
        guard first.quantities != given else { return }
        problems.append(Diagnostic(
            .warning, path: article.path, line: sentence.line,
            "answers '\(question)' with '\(quantities.map(\.text).joined(separator: ", "))', but \(first.path):\(first.line) answers it with '\(first.text)': give one answer (and keep it in facts.yaml)"))
    }
}
