import CNeedleSQLite
import Foundation

/// An index file held open by a descriptor, so that every SQLite connection opened on it
/// reads this very file, even after its path was deleted or another file renamed over it.
///
/// A connection pool opens its readers lazily, by name: without this, a reader opened after
/// `rm` fails and one opened after `mv other.sqlite needle.sqlite` reads the other file.
/// Connections open ``connectionPath`` (`/proc/self/fd/N`), which the kernel resolves to the
/// held file; SQLite is told not to follow that link's text back to a path
/// (`needle_sqlite_open_held_files`).
///
/// ```swift
/// let file = try HeldIndexFile(path: "Index/needle.sqlite")
/// let pool = try DatabasePool(path: file.connectionPath, configuration: readOnly)
/// ```
public final class HeldIndexFile: Sendable {
    /// The path the file was opened at, for messages and `stats`.
    public let path: String
    /// The held file's device and inode.
    public let device: UInt64
    public let inode: UInt64
    private let descriptor: Int32

    /// Opens `path` for reading. Throws ``IndexError/missing(path:)`` or ``IndexError/unreadable(path:reason:)``.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw IndexError.missing(path: path) }
            throw IndexError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw IndexError.unreadable(path: path, reason: "not a regular file")
        }
        self.path = path
        self.descriptor = descriptor
        self.device = UInt64(status.st_dev)
        self.inode = UInt64(status.st_ino)
        needle_sqlite_open_held_files()
    }

    deinit { close(descriptor) }

    /// The name SQLite connections open to read the held file.
    public var connectionPath: String {
        #if os(Linux)
        return "/proc/self/fd/\(descriptor)"
        #else
        return path
        #endif
    }

    /// Up to `count` bytes from the start of the held file.
    func prefix(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        return Array(bytes.prefix(max(0, read)))
    }

    /// The size of the held file, in bytes.
    public var size: Int64 {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int64(status.st_size) : 0
    }
}
