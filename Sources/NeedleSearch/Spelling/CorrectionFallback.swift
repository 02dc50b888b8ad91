import GRDB
import NeedleProtocol

/// A reply that can say it was made for a corrected query: search and ask results.
protocol CorrectableResult {
    var didYouMean: String? { get set }
    var corrected: Bool { get set }
}

extension SearchResult: CorrectableResult {}
extension AskResult: CorrectableResult {}

/// Answers a query as typed and, when a word of it is misspelled, the corrected query too,
/// keeping the better reply. The one policy `search` and `ask` share; each decides when the
/// corrected query is worth running and which reply is better.
///
/// ```swift
/// let result = try CorrectionFallback.answer("microneedlng", corrector: corrector, db: db,
///     run: { try search($0) }, tryCorrected: { $0.total < 3 }, prefers: { $0.total > $1.total })
/// result.didYouMean  // "microneedling"
/// ```
enum CorrectionFallback {
    /// - Parameters:
    ///   - run: answers a query text.
    ///   - tryCorrected: whether the typed query's reply leaves room for the corrected one.
    ///   - prefers: whether the first reply (the corrected one's) is better than the second.
    ///   - correctFirst: answer only the corrected query, when there is one: for a message, whose
    ///     unknown words are typos far more often than deliberate, and whose words as typed always
    ///     find enough to leave no room for the corrected ones.
    ///   - parsed: `text` as already read, when the caller has it.
    static func answer<Result: CorrectableResult>(
        _ text: String, parsed: ParsedQuery? = nil, corrector: SpellingCorrector, db: Database, correctFirst: Bool = false,
        run: (String) throws -> Result, tryCorrected: (Result) -> Bool, prefers: (Result, Result) -> Bool
    ) throws -> Result {
        let parsed = parsed ?? ParsedQuery(text)
        if correctFirst, let corrected = try QueryCorrection.corrected(parsed, corrector: corrector, db: db, message: true) {
            var result = try run(corrected)
            result.didYouMean = corrected
            result.corrected = true
            return result
        }
        var result = try run(text)
        guard !correctFirst, let corrected = try QueryCorrection.corrected(parsed, corrector: corrector, db: db) else { return result }
        if tryCorrected(result) {
            let alternative = try run(corrected)
            if prefers(alternative, result) {
                result = alternative
                result.corrected = true
            }
        }
        result.didYouMean = corrected
        return result
    }
}
