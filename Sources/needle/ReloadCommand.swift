import ArgumentParser
import NeedleProtocol

/// `needle reload`: make the daemon reopen its index file (after `needle index`).
struct ReloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Make the daemon serve the index file as it is now on disk.")

    @OptionGroup var socketOptions: SocketOptions

    func run() async throws {
        let line = try await socketOptions.send(.reload)
        let reply = try socketOptions.decode(ReloadReply.self, from: line)
        print(socketOptions.json ? line : "reloaded \(reply.index.path): \(reply.index.meta.articles) articles, built \(reply.index.meta.builtAt)")
    }

    private struct ReloadReply: Decodable {
        var index: IndexInfo
    }
}
