import Foundation
import NeedleProtocol

/// The socket file on disk: checked before binding, given its mode and group, removed at exit.
///
/// Every check uses `lstat`, so the daemon never follows a symlink it did not create:
/// a symlink at the socket path is refused as "not a socket" and left alone.
enum SocketFile {
    /// Makes `path` free to bind: refuses when a live daemon answers there or when the
    /// path is something other than a socket; removes a stale socket file.
    static func prepare(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw ServerError.pathInUse(path: path, reason: "it exists and is not a socket")
        }
        if isAnswering(path) {
            throw ServerError.pathInUse(path: path, reason: "another daemon is listening there")
        }
        unlink(path)
    }

    /// A listening socket bound at `path`, for SwiftNIO to serve as an already-bound
    /// descriptor: a socket SwiftNIO binds by path is unlinked by path when it closes, which
    /// would remove another daemon's socket file if one had since taken the path. This
    /// process removes its socket file itself, only while it is still its own (``remove(_:inode:)``).
    /// The file gets its mode and group before the socket listens, so no client ever connects
    /// while the file still has the mode the umask gave it.
    static func bind(_ path: String, backlog: Int32, mode: UInt16, group: UInt32?) throws -> Int32 {
        guard let address = UnixSocketAddress(path: path) else {
            throw ServerError.cannotListen(
                path: path,
                reason: "the path is \(path.utf8.count) bytes and a Unix socket path may have at most \(UnixSocketAddress.maximumPathLength); choose a shorter --socket")
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.cannotListen(path: path, reason: String(cString: strerror(errno))) }
        guard address.withSockaddr({ Foundation.bind(descriptor, $0, $1) == 0 }) else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServerError.cannotListen(path: path, reason: reason)
        }
        do {
            try setMode(path, mode)
            if let group { try setGroup(path, group) }
            guard listen(descriptor, backlog) == 0 else {
                throw ServerError.cannotListen(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        return descriptor
    }

    /// Creates `directory` with mode 0700 when missing and checks that it is a real folder
    /// of this user that no one else may write to; throws ``ServerError/pathInUse(path:reason:)`` otherwise.
    static func preparePrivateDirectory(_ directory: String) throws {
        if mkdir(directory, 0o700) != 0, errno != EEXIST {
            throw ServerError.cannotListen(path: directory, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        guard lstat(directory, &status) == 0 else {
            throw ServerError.cannotListen(path: directory, reason: String(cString: strerror(errno)))
        }
        let advice = "remove it, or pass --socket"
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw ServerError.pathInUse(path: directory, reason: "it is not a folder; \(advice)")
        }
        guard status.st_uid == getuid() else {
            throw ServerError.pathInUse(path: directory, reason: "the folder belongs to user \(status.st_uid), not to you; \(advice)")
        }
        guard status.st_mode & 0o022 == 0 else {
            throw ServerError.pathInUse(path: directory, reason: "other users may write to the folder; chmod 700 it, or pass --socket")
        }
    }

    static func setMode(_ path: String, _ mode: UInt16) throws {
        guard chmod(path, mode_t(mode)) == 0 else {
            throw ServerError.cannotListen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Gives the socket file to `group` (without following a symlink at `path`).
    static func setGroup(_ path: String, _ group: UInt32) throws {
        guard lchown(path, uid_t.max, gid_t(group)) == 0 else {
            throw ServerError.cannotListen(path: path, reason: "cannot give the socket to group \(group): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the socket file if it is still the one this process bound (same inode).
    static func remove(_ path: String, inode: UInt64?) {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else { return }
        if let inode, UInt64(status.st_ino) != inode { return }
        unlink(path)
    }

    static func inode(_ path: String) -> UInt64? {
        var status = stat()
        return lstat(path, &status) == 0 ? UInt64(status.st_ino) : nil
    }

    /// True when something accepts connections on the socket at `path`.
    static func isAnswering(_ path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let address = UnixSocketAddress(path: path) else { return false }
        return address.withSockaddr { connect(descriptor, $0, $1) == 0 }
    }
}
