import ArgumentParser
import NeedleProtocol

/// `needle ping`: check that a daemon answers.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ping", abstract: "Check that the daemon answers.")

    @OptionGroup var socketOptions: SocketOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let line = try await socketOptions.send(.ping)
        _ = try socketOptions.decode(ResponseEnvelope.self, from: line)
        let micros = (clock.now - start) / .microseconds(1)
        print(socketOptions.json ? line : "pong from \(socketOptions.socketPath) in \(Int(micros)) µs")
    }
}
