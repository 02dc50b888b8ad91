import Foundation
import NIOCore
import NeedleProtocol

/// Who a client accepts on the other end of the socket, checked with `SO_PEERCRED` before
/// a request is sent.
///
/// Anyone able to create the socket file first can listen at a path and answer in the
/// daemon's place. The kernel reports the user of the process that listens; the client
/// talks only to a daemon running as the expected user (by default its own) or as root.
///
/// ```swift
/// let check = DaemonPeerCheck(user: 995)          // the `needle` service user
/// try await NeedleConnection.with(socketPath: path, peerCheck: check) { … }
/// ```
public struct DaemonPeerCheck: Sendable {
    /// The user id the daemon must run as.
    public var user: UInt32

    /// Expects the daemon to run as `user`, by default as this process's user.
    public init(user: UInt32 = getuid()) {
        self.user = user
    }

    /// Whether a daemon with `credentials` is trusted: it runs as ``user``, or as root.
    public func trusts(_ credentials: PeerCredentials) -> Bool {
        credentials.uid == user || credentials.uid == 0
    }

    /// A handler that, as the connection becomes active, reads who listens at its other end
    /// and completes `verdict`: succeeded when trusted, failed with ``UntrustedDaemon`` (and
    /// the connection closed, before anything is sent) otherwise.
    func handler(socketPath: String, verdict: EventLoopPromise<Void>) -> some ChannelInboundHandler {
        Handler(check: self, socketPath: socketPath, verdict: verdict)
    }

    private final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = ByteBuffer
        let check: DaemonPeerCheck
        let socketPath: String
        let verdict: EventLoopPromise<Void>

        init(check: DaemonPeerCheck, socketPath: String, verdict: EventLoopPromise<Void>) {
            self.check = check
            self.socketPath = socketPath
            self.verdict = verdict
        }

        func channelActive(context: ChannelHandlerContext) {
            let provider = context.channel as? any SocketOptionProvider
            let credentials: EventLoopFuture<PeerCredentials>? = provider?.unsafeGetSocketOption(
                level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
            let (check, socketPath, verdict) = (check, socketPath, verdict)
            let channel = context.channel
            guard let credentials else {
                verdict.fail(UntrustedDaemon(socketPath: socketPath, uid: nil, expected: check.user))
                channel.close(promise: nil)
                return
            }
            credentials.whenComplete { result in
                switch result {
                case .success(let peer) where check.trusts(peer):
                    verdict.succeed(())
                case .success(let peer):
                    verdict.fail(UntrustedDaemon(socketPath: socketPath, uid: peer.uid, expected: check.user))
                    channel.close(promise: nil)
                case .failure:
                    verdict.fail(UntrustedDaemon(socketPath: socketPath, uid: nil, expected: check.user))
                    channel.close(promise: nil)
                }
            }
            context.fireChannelActive()
        }
    }
}

/// The process listening on the socket is not the daemon the client expects.
public struct UntrustedDaemon: Error, CustomStringConvertible, Sendable {
    public var socketPath: String
    /// The listener's user id; `nil` when the kernel did not tell.
    public var uid: UInt32?
    public var expected: UInt32

    public var description: String {
        let who = uid.map { "runs as user \($0)" } ?? "could not be identified"
        return "the process listening on \(socketPath) \(who), not user \(expected); nothing was sent. "
            + "If that daemon is the right one, pass --daemon-user; otherwise remove the socket and start needled"
    }
}
