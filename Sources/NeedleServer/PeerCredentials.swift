import Foundation
import NIOCore

#if !os(Linux)
#error("Needle runs on Linux only: SO_PEERCRED and struct ucred as here are Linux's (see the README).")
#endif

/// Who is on the other end of a Unix socket connection, as the kernel tells it (`SO_PEERCRED`).
///
/// The stored properties mirror Linux's `struct ucred` field for field (pid, uid, gid; 4 bytes
/// each), which Glibc does not export to Swift, so the kernel fills this type directly.
struct PeerCredentials: Sendable, Hashable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// The credentials of the process that connected `channel`; `nil` when the kernel gives none.
    static func of(_ channel: any Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? any SocketOptionProvider else { return channel.eventLoop.makeSucceededFuture(nil) }
        let future: EventLoopFuture<PeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return future.map { Optional($0) }.recover { _ in nil }
    }

    /// Whether `configuration` lets this peer in: everyone when no `--allow-uid`/`--allow-gid`
    /// is given, else only the users and groups listed.
    func isAllowed(by configuration: ServerConfiguration) -> Bool {
        if configuration.allowedUsers.isEmpty && configuration.allowedGroups.isEmpty { return true }
        return configuration.allowedUsers.contains(uid) || configuration.allowedGroups.contains(gid)
    }
}
