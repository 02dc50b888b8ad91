#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Runs a command to completion and reports its wall time and peak memory.
///
/// The peak resident set comes from `wait4`'s `rusage` of that child alone (`ru_maxrss`,
/// KiB on Linux), so other processes on the machine do not count.
///
/// ```swift
/// let child = try ChildProcess.run("/usr/bin/python3", arguments: ["limit_index.py", "--corpus", "c"])
/// print(child.seconds, child.peakRSSKiB, child.exitStatus)
/// ```
public struct ChildProcess: Sendable, Hashable {
    public var seconds: Double
    /// User plus system CPU time of the child: on a busy machine a fairer cost than wall time.
    public var cpuSeconds: Double
    public var peakRSSKiB: Int
    /// The exit status, or 128 + the signal number when a signal ended it.
    public var exitStatus: Int32

    /// Starts `executable` (searched in `PATH` when it has no slash), inheriting
    /// standard input, output and error, and waits for it.
    public static func run(_ executable: String, arguments: [String]) throws -> ChildProcess {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = MonotonicClock.now()
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, executable, nil, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchError.unreadable(path: executable, reason: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError.unreadable(path: executable, reason: String(cString: strerror(errno))) }
        }
        let seconds = Double(MonotonicClock.now() - start) / 1e9
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildProcess(seconds: seconds, cpuSeconds: cpu, peakRSSKiB: Int(usage.ru_maxrss), exitStatus: exitStatus(status))
    }

    /// Decodes a `wait` status the way a shell does.
    static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
