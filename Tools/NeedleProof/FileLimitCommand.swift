import ArgumentParser
import Foundation
import NeedleProtocol
import NeedleTesting

/// `needle-proof fd-exhaustion`: runs `needled` under a small file limit (`ulimit -n`, which
/// is `setrlimit(RLIMIT_NOFILE)`) with the default `--max-connections`, and opens more
/// connections than the limit. Each must be served or refused with `too_many_connections`
/// within seconds; none may hang, and the daemon must serve again once they close.
///
/// ```
/// needle-proof fd-exhaustion --index Index/needle.sqlite --file-limit 256 --connections 600
/// ```
struct FileLimitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fd-exhaustion", abstract: "Open more connections than the daemon's file limit; none may hang.")

    @Option(help: "The index to serve.")
    var index = "Index/needle.sqlite"

    @Option(help: "The daemon's file limit (ulimit -n).")
    var fileLimit = 256

    @Option(help: "Connections opened and held at once.")
    var connections = 600

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-proof")
        defer { directory.remove() }
        let log = directory.file("needled.log")
        let daemon = try await DaemonProcess.start(index: index, logPath: log, fileLimit: fileLimit)
        defer { daemon.kill() }
        var answers: [String: Int] = [:]
        var held: [RawSocket] = []
        for number in 0..<connections {
            guard let socket = try? RawSocket(path: daemon.socketPath) else {
                answers["connect failed", default: 0] += 1
                continue
            }
            socket.write(Array(#"{"id":\#(number),"op":"ping"}"#.utf8) + [0x0a])
            let reply = socket.readLine(timeout: 5).map(ExpectedAnswers.object)
            let answer = reply.map { $0["ok"] as? Bool == true ? "ok" : (($0["error"] as? [String: Any])?["code"] as? String ?? "malformed") }
            answers[answer ?? "no answer", default: 0] += 1
            held.append(socket)
        }
        held.removeAll()
        try await Task.sleep(for: .milliseconds(500))
        let after = (try? await daemon.request(.ping))?.contains(#""ok":true"#) == true
        let logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let note = logged.split(separator: "\n").first { $0.contains("file limit") }.map(String.init) ?? "nothing about the file limit"
        print("file limit \(fileLimit), \(connections) connections held open: \(answers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("ping after they closed: \(after ? "ok" : "failed")")
        print("log: \(note.prefix(300))")
        if answers["no answer"] != nil || answers["connect failed"] != nil || !after { throw ExitCode.failure }
    }
}
