import Foundation
import Synchronization

/// Drives a daemon with closed-loop clients: each client thread sends one request,
/// waits for its reply, and sends the next at once.
///
/// Client `k` starts at query `k * count / clients` and walks the file in order,
/// wrapping around, so clients do not send the same query at the same moment.
/// The first `warmUp` seconds are not measured. A latency is counted when its reply
/// arrives inside the measured window. With a request count, the run ends as soon as that
/// many requests were measured (split evenly among the clients), and the window is as long
/// as it took.
///
/// ```swift
/// let load = ClosedLoopLoad(socketPath: "/tmp/needle.sock", operation: .search, queries: ["acne"])
/// let cell = try load.run(label: "needle", clients: 8, warmUp: 1, seconds: 5)
/// print(cell.qps, cell.latency.p99)
/// ```
public struct ClosedLoopLoad: Sendable {
    public var socketPath: String
    public var operation: BenchOperation
    public var lines: [RequestLine]

    public init(socketPath: String, operation: BenchOperation, queries: [String]) {
        self.socketPath = socketPath
        self.operation = operation
        self.lines = queries.map { RequestLine(operation: operation, query: $0) }
    }

    /// Runs `clients` threads for `warmUp + seconds`, or until `requests` were measured,
    /// and summarizes the measured window.
    public func run(label: String, clients: Int, warmUp: Double, seconds: Double, requests: Int? = nil) throws -> LoadCell {
        let connections = try (0..<clients).map { _ in try UnixSocketConnection(path: socketPath) }
        let tallies = Mutex<[ClientTally]>([])
        let group = DispatchGroup()
        let clock = MonotonicClock.now()
        let measureFrom = clock + UInt64(warmUp * 1e9)
        let measureUntil = measureFrom + UInt64(seconds * 1e9)
        for (index, connection) in connections.enumerated() {
            let first = index * lines.count / clients
            let share = requests.map { ($0 + clients - 1 - index) / clients }
            let client = Client(lines: lines, first: first, measureFrom: measureFrom, measureUntil: measureUntil, measuredLimit: share)
            let box = UncheckedBox(connection)
            group.enter()
            Thread.detachNewThread {
                let tally = client.drive(box.value)
                tallies.withLock { $0.append(tally) }
                group.leave()
            }
        }
        group.wait()
        let finished = tallies.withLock { $0 }
        let window = requests == nil ? seconds : Double((finished.map(\.finishedAt).max() ?? measureFrom) - measureFrom) / 1e9
        return summarize(finished, label: label, clients: clients, seconds: window)
    }

    private func summarize(_ tallies: [ClientTally], label: String, clients: Int, seconds: Double) -> LoadCell {
        if let failure = tallies.compactMap(\.failure).first {
            FileHandle.standardError.write(Data("needle-bench: \(label) \(operation.rawValue): \(failure)\n".utf8))
        }
        let supported = !tallies.contains { $0.unsupported }
        let samples = supported ? tallies.flatMap(\.latencies) : []
        return LoadCell(
            label: label, operation: operation, clients: clients, supported: supported, seconds: seconds,
            replies: samples.count, errors: tallies.reduce(0) { $0 + $1.errors },
            latency: LatencySummary(nanoseconds: samples))
    }
}

/// What one client thread saw.
struct ClientTally: Sendable {
    var latencies: [UInt64] = []
    var errors = 0
    var unsupported = false
    var failure: String?
    /// When the client stopped, on ``MonotonicClock``.
    var finishedAt: UInt64 = 0
}

/// One closed-loop client's walk through the queries.
private struct Client: Sendable {
    let lines: [RequestLine]
    let first: Int
    let measureFrom: UInt64
    let measureUntil: UInt64
    /// Measured requests after which the client stops; no limit when nil.
    let measuredLimit: Int?

    func drive(_ connection: UnixSocketConnection) -> ClientTally {
        var tally = ClientTally()
        tally.latencies.reserveCapacity(100_000)
        var next = first
        var id = 0
        do {
            while true {
                id += 1
                let sent = MonotonicClock.now()
                if sent >= measureUntil { break }
                try connection.send(lines[next % lines.count].bytes(id: id))
                let kind = ReplyKind(try connection.readLine())
                let received = MonotonicClock.now()
                next += 1
                if kind == .unsupported {
                    tally.unsupported = true
                    break
                }
                guard sent >= measureFrom, received <= measureUntil else { continue }
                if kind == .ok { tally.latencies.append(received - sent) } else { tally.errors += 1 }
                if let measuredLimit, tally.latencies.count + tally.errors >= measuredLimit { break }
            }
        } catch {
            tally.failure = "\(error)"
        }
        tally.finishedAt = MonotonicClock.now()
        return tally
    }
}

/// Hands a value that one thread owns from here on across the thread boundary.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
