import Foundation

/// A child process started with `posix_spawn`, outside Foundation's `Process`.
///
/// Foundation learns that a child ended when the child's end of a private socket closes, then
/// waits for it, blocking the one thread that reports every child's end. A program that closes
/// the descriptors it inherited and execs another (as `systemd-socket-activate` does) looks ended
/// while it still runs, and stalls every other `Process` in the test run. Such programs are
/// started with this type instead.
///
/// ```swift
/// let child = try SpawnedProcess.start("/usr/bin/systemd-socket-activate", ["-l", path, needled])
/// child.signal(SIGTERM)
/// let status = try await child.exitStatus(within: .seconds(10))
/// ```
public final class SpawnedProcess: Sendable {
    public let processIdentifier: pid_t

    private init(processIdentifier: pid_t) {
        self.processIdentifier = processIdentifier
    }

    /// Starts `path` with `arguments`, standard input, output and error on /dev/null.
    public static func start(_ path: String, _ arguments: [String]) throws -> SpawnedProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        return SpawnedProcess(processIdentifier: pid)
    }

    public func signal(_ signal: Int32) {
        kill(processIdentifier, signal)
    }

    /// The exit status once the process ends, polling without blocking a thread; `nil` when it
    /// still runs after `limit` (it is then killed).
    public func exitStatus(within limit: Duration) async throws -> Int32? {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            var status: Int32 = 0
            if waitpid(processIdentifier, &status, WNOHANG) == processIdentifier {
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(processIdentifier, SIGKILL)
        var status: Int32 = 0
        waitpid(processIdentifier, &status, 0)
        return nil
    }
}
