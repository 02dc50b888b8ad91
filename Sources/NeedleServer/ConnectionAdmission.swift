import Logging
import NIOCore
import NeedleProtocol

/// Decides, as a connection is accepted, whether it is served: its peer must be allowed
/// (`--allow-uid`/`--allow-gid`) and the server under its connection limit. An admitted
/// connection is registered and counted until it closes; a refused one gets one error line.
struct ConnectionAdmission: Sendable {
    let configuration: ServerConfiguration
    let connections: ConnectionRegistry
    let metrics: ServerMetrics
    let logger: Logger

    /// Why `channel`, connected by `peer`, may not be served, or `nil` when it is admitted.
    func refusal(of channel: any Channel, peer: PeerCredentials?) -> ProtocolError? {
        let needsPeer = !configuration.allowedUsers.isEmpty || !configuration.allowedGroups.isEmpty
        if needsPeer, peer.map({ $0.isAllowed(by: configuration) }) != true {
            logger.warning("refused connection: peer not allowed", metadata: [
                "pid": "\(peer?.pid ?? 0)", "uid": "\(peer.map { String($0.uid) } ?? "unknown")",
                "gid": "\(peer.map { String($0.gid) } ?? "unknown")",
            ])
            metrics.connectionRefused()
            return ProtocolError(.forbidden, "this user or group may not use the daemon")
        }
        guard connections.admit(channel, limit: configuration.maximumConnections) else {
            logger.warning("refused connection: too many connections", metadata: [
                "limit": "\(configuration.maximumConnections)", "pid": "\(peer?.pid ?? 0)",
            ])
            metrics.connectionRefused()
            return ProtocolError(.tooManyConnections, "the daemon serves \(configuration.maximumConnections) connections already")
        }
        metrics.connectionOpened()
        channel.closeFuture.whenComplete { [connections, metrics] _ in
            connections.remove(channel)
            metrics.connectionClosed()
        }
        return nil
    }
}
