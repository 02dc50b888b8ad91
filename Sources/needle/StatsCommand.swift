import ArgumentParser
import NeedleProtocol

/// `needle stats`: what the daemon serves and how busy it has been.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Show the daemon's counters and index.")

    @OptionGroup var socketOptions: SocketOptions

    func run() async throws {
        let line = try await socketOptions.send(.stats)
        let stats = try socketOptions.decode(StatsResult.self, from: line)
        if socketOptions.json {
            print(line)
            return
        }
        print("""
            uptime       \(Int(stats.uptimeSeconds)) s
            requests     \(stats.requests)
            connections  \(stats.connections)
            index        \(stats.index.path)
            built        \(stats.index.builtAt) (schema \(stats.index.schemaVersion), corpus \(stats.index.corpusDigest))
            contents     \(stats.index.articles) articles, \(stats.index.passages) passages, \(stats.index.synonyms) synonym rules
            """)
    }
}
