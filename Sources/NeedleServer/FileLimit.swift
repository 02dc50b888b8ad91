import Foundation

/// How many connections the process's file limit (`ulimit -n`, `RLIMIT_NOFILE`) leaves room for.
///
/// Every connection holds a descriptor, and so does a refused one while its refusal is
/// written. When the limit is reached first, `accept` fails with `EMFILE`, SwiftNIO backs
/// off, and new clients wait in the listen queue without a word. So the connection limit
/// is kept below the file limit, with room for what the daemon itself holds: its index
/// readers (twice, while a reload opens new ones beside the old), its event loops'
/// descriptors, its standard streams and log.
///
/// ```swift
/// FileLimit.raiseToHardLimit()
/// let capacity = FileLimit.connectionCapacity(readers: 2) // 65,400 under ulimit -n 65536
/// ```
public enum FileLimit {
    /// Descriptors kept free of connections beyond those the readers need.
    static let reserve = 64

    /// The soft file limit, raised first to the hard limit (which needs no privilege).
    @discardableResult
    public static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return Int.max }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur == rlim_t.max ? Int.max : Int(clamping: limit.rlim_cur)
    }

    /// The connections that fit under the soft file limit besides the descriptors open now
    /// and those `readers` index connections need; at least 1.
    public static func connectionCapacity(readers: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return Int.max }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
        return max(1, Int(clamping: limit.rlim_cur) - open - 2 * (readers + 1) - reserve)
    }
}
