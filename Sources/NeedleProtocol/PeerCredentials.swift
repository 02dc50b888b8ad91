/// Who is on the other end of a Unix socket connection, as the kernel tells it (`SO_PEERCRED`).
///
/// The stored properties mirror Linux's `struct ucred` field for field (pid, uid, gid; 4 bytes
/// each), which Glibc does not export to Swift, so the kernel fills this type directly. The
/// daemon reads it to admit clients; the client reads it to know it reached the right daemon.
public struct PeerCredentials: Sendable, Hashable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }
}
