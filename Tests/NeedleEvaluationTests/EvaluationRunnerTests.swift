@testable import NeedleEvaluation
import NeedleProtocol
import Testing

@Suite struct EvaluationRunnerTests {
    @Test func aSearchQueryAsksForAtLeastTenHits() throws {
        let query = EvaluationQuery(task: .search, text: "acne scars", answers: [], cutoff: 5)
        let line = EvaluationRunner.requestLine(for: query)
        #expect(try RequestDecoder.decode(Array(line.dropLast())).get()
            == Request(id: nil, operation: .search(SearchRequest(query: "acne scars", limit: 10))))
    }

    @Test func eachTaskSendsItsOpWithTheCutoffAsLimit() throws {
        let expected: [EvaluationQuery.Task: NeedleProtocol.Operation] = [
            .search: .search(SearchRequest(query: "q \"x\"", limit: 20)),
            .suggest: .suggest(SuggestRequest(query: "q \"x\"", limit: 20)),
            .ask: .ask(AskRequest(question: "q \"x\"", limit: 20)),
        ]
        for (task, operation) in expected {
            let line = EvaluationRunner.requestLine(for: EvaluationQuery(task: task, text: "q \"x\"", answers: [], cutoff: 20))
            #expect(line.last == 0x0a)
            #expect(try RequestDecoder.decode(Array(line.dropLast())).get() == Request(id: nil, operation: operation))
        }
    }
}
