import ArgumentParser
import Foundation
import NeedleProtocol
import NeedleSearch

/// `needle ask`: the passages that best answer a question, with how confident the daemon is.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question with the best passages of the corpus.",
        discussion: "Example: needle ask how long is skin red after microneedling?")

    @Argument(help: "The question; several words are joined with spaces.")
    var words: [String]

    @Option(help: "How many answers to show (at most \(AskRequest.maximumLimit)).")
    var limit = 3

    @Option(help: "Leave out answers below this confidence (0 to 1).")
    var minConfidence = 0.0

    @OptionGroup var filter: FilterOptions

    @Flag(help: "Show each answer's score parts.")
    var explain = false

    @Option(help: "Ask this index file in-process instead of the daemon.")
    var index: String?

    @OptionGroup var socketOptions: SocketOptions

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    func run() async throws {
        let request = AskRequest(
            question: words.joined(separator: " "), limit: min(limit, AskRequest.maximumLimit),
            minimumConfidence: minConfidence, kind: filter.kind, concern: filter.concern, explain: explain)
        let line = if let index {
            try InProcessIndex.reply(path: index) { .ask(id: .int(1), try $0.ask(request)) }
        } else {
            try await socketOptions.send(.ask(request))
        }
        if socketOptions.json {
            print(line)
            return
        }
        print(AskResultView(result: try socketOptions.decode(AskResult.self, from: line)).text, terminator: "")
    }
}
