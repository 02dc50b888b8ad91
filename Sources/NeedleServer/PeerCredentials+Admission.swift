import Foundation
import NIOCore
import NeedleProtocol

#if !os(Linux)
#error("Needle runs on Linux only: SO_PEERCRED and struct ucred are Linux's (see the README).")
#endif

extension PeerCredentials {
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
