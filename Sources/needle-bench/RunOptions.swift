import ArgumentParser

/// The options of measured runs that `load` and `anchor` share: the queries sent, the client
/// counts (one run each), how long each run lasts and where its cells are appended.
struct RunOptions: ParsableArguments {
    @Option(help: "Queries, one per line.")
    var queries: String

    @Option(help: "Client counts, one run each, e.g. 1,2,8.")
    var clients = "1,2,8"

    @Option(help: "Measured seconds per run.")
    var seconds = 5.0

    @Option(help: "Seconds of warm-up before measuring.")
    var warmUp = 1.0

    @Option(help: "Append each result as a JSON line to this file.")
    var out: String?

    func validate() throws {
        guard !clientCounts.isEmpty, clientCounts.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--clients must be positive numbers separated by commas, like 1,2,8")
        }
        guard seconds > 0, warmUp >= 0 else { throw ValidationError("--seconds must be positive and --warm-up not negative") }
    }

    var clientCounts: [Int] { clients.split(separator: ",").compactMap { Int($0) } }
}
