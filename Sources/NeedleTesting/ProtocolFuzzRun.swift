import Foundation
import NeedleClient

/// Sends ``ProtocolFuzzer`` inputs to a live daemon over several connections, in
/// pipelined bursts, and checks that every input gets exactly one well-formed response.
///
/// ```swift
/// let report = try await ProtocolFuzzRun(socketPath: daemon.socketPath, inputs: 5_000).run()
/// #expect(report.answered == report.sent)
/// ```
public struct ProtocolFuzzRun: Sendable {
    /// The daemon's socket.
    public var socketPath: String
    /// Input lines to send in all, shared among the connections.
    public var inputs: Int
    /// Connection `n` uses the generator seeded with `seed + n`.
    public var seed: UInt64 = 1
    /// Connections sending at once.
    public var connections = 4
    /// Inputs sent before reading their responses; small enough that replies fit the socket buffers.
    public var burst = 16
    /// One input in this many is a megabyte line.
    public var hugeLineEvery = 1000

    public init(socketPath: String, inputs: Int) {
        self.socketPath = socketPath
        self.inputs = inputs
    }

    /// Sends every input and tallies the responses; a connection the daemon closes stops early,
    /// which shows as `answered < sent`.
    public func run() async throws -> FuzzReport {
        try await withThrowingTaskGroup(of: FuzzReport.self) { group in
            for connection in 0..<connections {
                let share = inputs / connections + (connection < inputs % connections ? 1 : 0)
                group.addTask { try await runConnection(share: share, seed: seed &+ UInt64(connection)) }
            }
            var report = FuzzReport()
            for try await part in group { report.merge(part) }
            return report
        }
    }

    private func runConnection(share: Int, seed: UInt64) async throws -> FuzzReport {
        var fuzzer = ProtocolFuzzer(seed: seed)
        fuzzer.hugeLineEvery = hugeLineEvery
        return try await NeedleConnection.with(socketPath: socketPath) { connection in
            var report = FuzzReport()
            var remaining = share
            while remaining > 0 {
                let batch = (0..<min(burst, remaining)).map { _ in fuzzer.next() }
                remaining -= batch.count
                try await connection.send(batch.flatMap(\.bytes))
                for input in batch {
                    report.sent += 1
                    report.families[input.family, default: 0] += 1
                    guard let line = try await connection.nextLine() else { return report }
                    report.answered += 1
                    tally(line, for: input, into: &report)
                }
            }
            return report
        }
    }

    private func tally(_ line: String, for input: FuzzInput, into report: inout FuzzReport) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let ok = object["ok"] as? Bool
        else {
            report.malformedResponses += 1
            return
        }
        if ok {
            report.succeeded += 1
        } else {
            let code = (object["error"] as? [String: Any])?["code"] as? String ?? "?"
            report.errorCodes[code, default: 0] += 1
        }
        if input.isValid && !ok { report.validButFailed += 1 }
    }
}
