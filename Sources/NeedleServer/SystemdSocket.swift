import Foundation

/// The listening socket systemd passes to a socket-activated service (`sd_listen_fds`).
///
/// systemd sets `LISTEN_PID` to the service's pid and `LISTEN_FDS` to the number of
/// sockets, which start at descriptor 3. The variables are removed once read, so a
/// child process never mistakes them for its own.
public enum SystemdSocket {
    /// The first descriptor systemd passes.
    static let firstDescriptor: Int32 = 3

    /// Descriptor 3 when systemd passed this process at least one socket, else `nil`.
    public static func inherited(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        guard let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid == getpid(),
              let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1
        else { return nil }
        for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(name) }
        return firstDescriptor
    }
}
