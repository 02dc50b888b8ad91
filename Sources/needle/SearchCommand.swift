import ArgumentParser
import Foundation
import NeedleProtocol
import NeedleSearch

/// `needle search`: ranked articles for a query, from the daemon or straight from an index file.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search by symptom, treatment or term.",
        discussion: "Example: needle search dark spots after pimples")

    @Argument(help: "The query; several words are joined with spaces.")
    var words: [String]

    @Option(help: "How many hits to show (at most \(SearchRequest.maximumLimit)).")
    var limit = 10

    @Option(help: "How many hits to skip.")
    var offset = 0

    @OptionGroup var filter: FilterOptions

    @Flag(help: "Also count all results by kind and by concern.")
    var facets = false

    @Flag(help: "Show the FTS5 expression run and each hit's score parts.")
    var explain = false

    @Option(help: "Search this index file in-process instead of asking the daemon.")
    var index: String?

    @OptionGroup var socketOptions: SocketOptions

    func run() async throws {
        let request = SearchRequest(
            query: words.joined(separator: " "), limit: min(limit, SearchRequest.maximumLimit), offset: offset,
            kind: filter.kind, concern: filter.concern, facets: facets, explain: explain)
        let line = if let index {
            try InProcessIndex.reply(path: index) { .search(id: .int(1), try $0.search(request)) }
        } else {
            try await socketOptions.send(.search(request))
        }
        if socketOptions.json {
            print(line)
            return
        }
        let result = try socketOptions.decode(SearchResult.self, from: line)
        print(SearchResultView(result: result, offset: offset, highlight: isatty(STDOUT_FILENO) == 1).text, terminator: "")
    }
}
