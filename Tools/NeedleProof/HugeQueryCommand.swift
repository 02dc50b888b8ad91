import ArgumentParser
import Foundation
import NeedleBench
import NeedleClient
import NeedleProtocol
import NeedleTesting

/// `needle-proof huge-query`: sends searches and questions that are one "word" of thousands
/// of hyphenated parts (a line just under the 64 KiB limit), several at once, while a ping
/// on a new connection measures how long others wait.
///
/// ```
/// needle-proof huge-query --index Index/needle.sqlite --requests 8 --request-timeout 0.5
/// ```
struct HugeQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "huge-query", abstract: "Send 65 KB single-token queries; measure their time, a ping's wait and memory.")

    @Option(help: "The index to serve.")
    var index = "Index/needle.sqlite"

    @Option(help: "Huge requests, half searches and half questions, sent at once on their own connections.")
    var requests = 8

    @Option(help: "Parts of the hyphenated word (13,000 make a 65 KB line).")
    var parts = 13_000

    @Option(help: "The daemon's --request-timeout, in seconds.")
    var requestTimeout = 0.5

    func run() async throws {
        let daemon = try await DaemonProcess.start(index: index, extraArguments: ["--request-timeout", String(requestTimeout)])
        defer { daemon.kill() }
        let pid = daemon.process.processIdentifier
        let before = ProcessMemory.residentKiB(of: pid) ?? 0
        let word = Array(repeating: "skin", count: parts).joined(separator: "-")
        let clock = ContinuousClock()
        let (times, answers, pingWait) = try await withThrowingTaskGroup(of: (Duration, String)?.self) { group in
            for number in 0..<requests {
                let operation: NeedleProtocol.Operation = number % 2 == 0 ? .search(SearchRequest(query: word)) : .ask(AskRequest(question: word))
                group.addTask {
                    let start = clock.now
                    let line = try await daemon.request(operation, id: .int(Int64(number)))
                    let reply = ExpectedAnswers.object(line)
                    let answer = reply["ok"] as? Bool == true ? "ok" : ((reply["error"] as? [String: Any])?["code"] as? String ?? "malformed")
                    return (clock.now - start, answer)
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            let start = clock.now
            _ = try await daemon.request(.ping)
            let pingWait = clock.now - start
            var times: [Duration] = []
            var answers: [String: Int] = [:]
            for try await case let (time, answer)? in group {
                times.append(time)
                answers[answer, default: 0] += 1
            }
            return (times.sorted(), answers, pingWait)
        }
        try await Task.sleep(for: .seconds(2))
        let after = ProcessMemory.residentKiB(of: pid) ?? 0
        let line = 30 + word.utf8.count
        print("\(requests) requests of one \(parts)-part word (\(line) byte lines), request timeout \(requestTimeout) s")
        print("answers \(answers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        print("time per request: median \(times[times.count / 2]), max \(times.last ?? .zero); a ping meanwhile waited \(pingWait)")
        print("RSS \(before) KiB before, \(after) KiB 2 s after")
        if answers.keys.contains(where: { $0 != "ok" && $0 != "timeout" }) { throw ExitCode.failure }
    }
}
