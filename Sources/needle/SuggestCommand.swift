import ArgumentParser
import NeedleProtocol

/// `needle suggest`: article names that complete a prefix, as a search box would offer them.
struct SuggestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Complete a prefix to article titles, aliases and concerns.",
        discussion: "Example: needle suggest skin need")

    @Argument(help: "What was typed so far; several words are joined with spaces, the last may be unfinished.")
    var words: [String]

    @Option(help: "How many suggestions to show (at most \(SuggestRequest.maximumLimit)).")
    var limit = SuggestRequest.defaultLimit

    @OptionGroup var socketOptions: SocketOptions

    func run() async throws {
        let request = SuggestRequest(query: words.joined(separator: " "), limit: min(limit, SuggestRequest.maximumLimit))
        let line = try await socketOptions.send(.suggest(request))
        if socketOptions.json {
            print(line)
            return
        }
        let result = try socketOptions.decode(SuggestResult.self, from: line)
        print(SuggestResultView(result: result).text, terminator: "")
    }
}
