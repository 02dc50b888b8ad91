import Foundation

/// One result line of the perf kit's `pybench.py query`: an engine run in-process.
///
/// ```swift
/// let line = try PyBenchLine.decode(#"{"engine":"tantivy","queries":"terms.txt","threads":2,"n":900,"duration_s":3.0,"qps":300.0,"p50_us":60.0,"p90_us":90.0,"p99_us":150.0,"max_us":400.0,"mean_us":66.0}"#)
/// line.cell(label: "tantivy-py").qps // 300
/// ```
public struct PyBenchLine: Sendable, Hashable, Decodable {
    public var queries: String
    public var threads: Int
    public var n: Int
    public var durationSeconds: Double
    public var p50: Double
    public var p90: Double
    public var p99: Double
    public var max: Double
    public var mean: Double

    enum CodingKeys: String, CodingKey {
        case queries, threads, n
        case durationSeconds = "duration_s"
        case p50 = "p50_us", p90 = "p90_us", p99 = "p99_us", max = "max_us", mean = "mean_us"
    }

    /// The last non-empty line of `output` decoded (pybench prints one JSON line).
    public static func decode(_ output: String) throws -> PyBenchLine {
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else {
            throw BenchError.unreadable(path: "pybench.py", reason: "no JSON line in its output: \(output.prefix(200))")
        }
        return try JSONDecoder().decode(PyBenchLine.self, from: Data(line.utf8))
    }

    /// The run as a search cell of the results, its clients the engine's threads or processes.
    public func cell(label: String) -> LoadCell {
        LoadCell(
            label: label, operation: .search, queries: queries, clients: threads, supported: true,
            seconds: durationSeconds, replies: n, errors: 0,
            latency: LatencySummary(count: n, mean: mean, p50: p50, p90: p90, p99: p99, max: max))
    }
}
