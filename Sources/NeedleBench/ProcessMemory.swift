import Foundation

/// Memory figures of a running process, read from `/proc/<pid>/status` (Linux).
///
/// ```swift
/// ProcessMemory.residentKiB(of: daemonPID)  // 41_232, or nil when the process is gone
/// ```
public enum ProcessMemory {
    /// `VmRSS`: the resident set now, in KiB.
    public static func residentKiB(of pid: Int32) -> Int? { field("VmRSS", of: pid) }

    /// The value of a `Name:   1234 kB` line of a status file's text.
    public static func kibibytes(_ name: String, inStatus status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
        return nil
    }

    private static func field(_ name: String, of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return kibibytes(name, inStatus: status.replacingOccurrences(of: "\t", with: " "))
    }
}
