import Foundation

/// The machine a benchmark ran on, read from `/proc` (Linux).
public struct MachineInfo: Sendable, Hashable, Codable {
    public var cores: Int
    public var cpuModel: String
    public var memoryGiB: Double

    public init(cores: Int, cpuModel: String, memoryGiB: Double) {
        self.cores = cores
        self.cpuModel = cpuModel
        self.memoryGiB = memoryGiB
    }

    /// This machine: online cores, `/proc/cpuinfo`'s `model name`, `/proc/meminfo`'s `MemTotal`.
    public static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        let memoryKiB = ProcessMemory.kibibytes("MemTotal", inStatus: meminfo) ?? 0
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
            memoryGiB: Double(memoryKiB) / 1_048_576)
    }

    /// One line: `2 cores, Intel(R) Xeon(R) …, 23.4 GiB`.
    public var summary: String {
        "\(cores) cores, \(cpuModel), \(String(format: "%.1f", memoryGiB)) GiB"
    }
}
