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

    /// Long and short messages are timed in turn, so a burst of load on the machine falls on both.
    @Test func timedQueriesAlternateBetweenTheLists() {
        let order = EvaluationRunner.alternation(6, 8, rounds: 3)
        #expect(order.count == 2 * 8 * 3)
        #expect(order.indices.allSatisfy { order[$0].list == $0 % 2 })
        for (list, count) in [(0, 6), (1, 8)] {
            let runs = Dictionary(grouping: order.filter { $0.list == list }, by: \.index).mapValues(\.count)
            #expect(runs.keys.sorted() == Array(0..<count))
            #expect(runs.values.allSatisfy { $0 >= 3 })
        }
        #expect(EvaluationRunner.alternation(0, 8, rounds: 3).isEmpty)
    }
}
