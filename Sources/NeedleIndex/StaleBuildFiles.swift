import Foundation

/// The temporary files of builds that were killed: `<out>.tmp-PID` and its scratch
/// `<out>.tmp-PID.passages`, left beside the index when their process died before it could
/// remove them. A build removes those whose process is gone before it starts its own;
/// those of a build still running are left alone.
///
/// ```swift
/// let removed = StaleBuildFiles.remove(beside: "Index/needle.sqlite")  // ["needle.sqlite.tmp-4242", …]
/// ```
enum StaleBuildFiles {
    /// Removes the temporary files of dead builds of `out`; returns their names.
    @discardableResult
    static func remove(beside out: String) -> [String] {
        let directory = (out as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let prefix = (out as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().filter { name in
            guard let pid = builder(of: name, prefix: prefix), !isAlive(pid) else { return false }
            return unlink(folder + "/" + name) == 0
        }
    }

    /// The pid in `<prefix>PID` or `<prefix>PID.<suffix>`, `nil` for any other name.
    static func builder(of name: String, prefix: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        let rest = name.dropFirst(prefix.count + digits.count)
        guard !digits.isEmpty, rest.isEmpty || rest.hasPrefix(".") else { return nil }
        return pid_t(digits)
    }

    private static func isAlive(_ pid: pid_t) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH
    }
}
