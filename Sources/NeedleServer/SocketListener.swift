import Foundation
import Logging
import NeedleProtocol
import Synchronization

/// Where the server listens: a socket file it binds, gives its mode and group, and
/// removes at exit — or a listening socket systemd passed, which it leaves to systemd.
final class SocketListener: Sendable, CustomStringConvertible {
    private let configuration: ServerConfiguration
    private let logger: Logger
    /// The inode of the socket file this process bound, to remove only that one.
    private let boundInode = Mutex<UInt64?>(nil)

    init(configuration: ServerConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    var description: String {
        configuration.inheritedSocket.map { "systemd socket (fd \($0))" } ?? configuration.socketPath
    }

    /// Prepares the listening socket (bound here, or passed by systemd) and runs `serve` on
    /// its descriptor; throws ``ServerError`` when it cannot listen.
    func open<Server>(_ serve: (Int32) async throws -> Server) async throws -> Server {
        if let descriptor = configuration.inheritedSocket {
            do {
                return try await serve(descriptor)
            } catch {
                throw ServerError.cannotListen(path: description, reason: "\(error)")
            }
        }
        let path = configuration.socketPath
        let directory = (path as NSString).deletingLastPathComponent
        if directory == SocketPath.privateDirectory() { try SocketFile.preparePrivateDirectory(directory) }
        try SocketFile.prepare(path)
        let descriptor = try SocketFile.bind(
            path, backlog: 256, mode: configuration.socketMode, group: configuration.socketGroup)
        boundInode.withLock { $0 = SocketFile.inode(path) }
        let server: Server
        do {
            server = try await serve(descriptor)
        } catch {
            close()
            throw ServerError.cannotListen(path: path, reason: "\(error)")
        }
        return server
    }

    /// Removes the socket file this process bound, if it is still there.
    func close() {
        guard configuration.inheritedSocket == nil else { return }
        SocketFile.remove(configuration.socketPath, inode: boundInode.withLock { $0 })
    }
}
