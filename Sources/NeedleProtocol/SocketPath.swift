import Foundation

/// Where the daemon listens when no `--socket` is given.
public enum SocketPath {
    /// `$NEEDLE_SOCKET`, else `$XDG_RUNTIME_DIR/needle.sock`, else `/tmp/needle-$UID.sock`.
    public static func `default`(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment["NEEDLE_SOCKET"], !path.isEmpty { return path }
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty { return runtime + "/needle.sock" }
        return "/tmp/needle-\(getuid()).sock"
    }
}
