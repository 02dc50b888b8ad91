/// How long one index build took and what it cost: a line of `builds.jsonl`.
public struct BuildRecord: Sendable, Hashable, Codable {
    /// Which builder: `needle` (full build), `needle-incremental`, or `limitd` (limit_index.py).
    public var label: String
    public var seconds: Double
    /// User plus system CPU seconds of the builder.
    public var cpuSeconds: Double
    /// The builder process's peak resident set (`ru_maxrss`), in KiB.
    public var peakRSSKiB: Int
    /// Size of the index file written, in bytes.
    public var indexBytes: Int
    /// The builder's exit status; a failed build is recorded, not hidden.
    public var exitStatus: Int32

    public init(label: String, seconds: Double, cpuSeconds: Double, peakRSSKiB: Int, indexBytes: Int, exitStatus: Int32) {
        self.label = label
        self.seconds = seconds
        self.cpuSeconds = cpuSeconds
        self.peakRSSKiB = peakRSSKiB
        self.indexBytes = indexBytes
        self.exitStatus = exitStatus
    }
}
