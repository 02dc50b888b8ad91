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
    private let socket: ConnectedSocket
    private var buffer: [UInt8] = []
    private var start = 0

    /// Connects to the socket at `path`.
    public init(path: String) throws {
        guard let address = UnixSocketAddress(path: path) else {
            throw BenchError.socket(path: path, reason: "path longer than \(UnixSocketAddress.maximumPathLength) bytes")
        }
        socket = try ConnectedSocket(peer: path, family: AF_UNIX) { descriptor in
            address.withSockaddr { connect(descriptor, $0, $1) }
        }
    }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        try socket.send(bytes)
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
            try socket.receive(appendingTo: &buffer)
        }
    }
}
