import Foundation

/// The memory a process holds, as Linux reports it in `/proc/PID/status`.
public enum ProcessMemory {
    /// Resident set size (`VmRSS`) of process `pid` in KiB; `nil` when it cannot be read.
    public static func residentKilobytes(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }
}
