#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import NeedleProtocol

/// A blocking connection to a Unix domain socket that sends lines and reads reply lines.
///
/// One connection belongs to one client thread; it is deliberately not `Sendable`.
/// Plain POSIX calls keep the driver's own cost small and easy to account for.
///
/// ```swift
/// let connection = try UnixSocketConnection(path: "/tmp/needle.sock")
/// try connection.send(Array("{\"id\":1,\"op\":\"ping\"}\n".utf8))
/// let reply = try connection.readLine()
/// ```
public final class UnixSocketConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    /// Connects to the socket at `path`.
    public init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError.socket(path: path, reason: Self.lastError()) }
        guard let address = UnixSocketAddress(path: path) else {
            close(descriptor)
            throw BenchError.socket(path: path, reason: "path longer than \(UnixSocketAddress.maximumPathLength) bytes")
        }
        let connected = address.withSockaddr { connect(descriptor, $0, $1) }
        guard connected == 0 else {
            let reason = Self.lastError()
            close(descriptor)
            throw BenchError.socket(path: path, reason: reason)
        }
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw BenchError.connectionLost(reason: Self.lastError()) }
            offset += written
        }
    }

    /// The next line without its newline; throws when the peer closes first.
    public func readLine() throws -> ArraySlice<UInt8> {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0a) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw BenchError.connectionLost(reason: count == 0 ? "closed by the daemon" : Self.lastError()) }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
