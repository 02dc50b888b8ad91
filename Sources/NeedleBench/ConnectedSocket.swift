#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A connected stream socket, closed with this object: the blocking writes and reads that
/// ``UnixSocketConnection`` and ``HTTPConnection`` share.
///
/// ```swift
/// let socket = try ConnectedSocket(peer: "/tmp/needle.sock", family: AF_UNIX) { descriptor in
///     address.withSockaddr { connect(descriptor, $0, $1) }
/// }
/// try socket.send(Array("{\"op\":\"ping\"}\n".utf8))
/// ```
final class ConnectedSocket {
    private let descriptor: Int32
    /// Who is at the other end, as errors name it (a socket path or `host:port`).
    private let peer: String
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    /// Opens a socket of `family` and hands it to `connect`, which sets it up and returns what
    /// `connect(2)` returned; the socket is closed when either step fails.
    init(peer: String, family: Int32, connect: (Int32) throws -> Int32) throws {
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError.socket(path: peer, reason: Self.lastError()) }
        do {
            guard try connect(descriptor) == 0 else { throw BenchError.socket(path: peer, reason: Self.lastError()) }
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw BenchError.connectionLost(reason: Self.lastError()) }
            offset += written
        }
    }

    /// Appends what one `read(2)` returns to `buffer` (nothing when a signal interrupted it);
    /// throws when the peer has closed the connection or the read failed.
    func receive(appendingTo buffer: inout [UInt8]) throws {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { return }
        guard count > 0 else { throw BenchError.connectionLost(reason: count == 0 ? "closed by \(peer)" : Self.lastError()) }
        buffer.append(contentsOf: chunk[0..<count])
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
