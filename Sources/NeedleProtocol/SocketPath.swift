import Foundation

/// Where the daemon listens when no `--socket` is given.
public enum SocketPath {
    /// `$NEEDLE_SOCKET`, else `$XDG_RUNTIME_DIR/needle.sock`, else `needle.sock` in
    /// ``privateDirectory(uid:)``.
    public static func `default`(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["NEEDLE_SOCKET"], !path.isEmpty { return path }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return runtime + "/needle.sock" }
        return privateDirectory() + "/needle.sock"
    }

    /// `/tmp/needle-$UID`: a folder only its user may enter (mode 0700), which the daemon
    /// creates and checks, so that no other user can create the socket in its place.
    public static func privateDirectory(uid: UInt32 = getuid()) -> String {
        "/tmp/needle-\(uid)"
    }
}
