import Foundation
import NeedleProtocol

/// A plain non-blocking Unix socket, for clients that misbehave on purpose: write without
/// reading, stop mid-line, connect and drop.
public final class RawSocket {
    private let descriptor: Int32

    public init(path: String) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        guard let address = UnixSocketAddress(path: path) else {
            close(descriptor)
            throw POSIXError(.ENAMETOOLONG)
        }
        guard address.withSockaddr({ connect(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(descriptor) }

    /// Writes as much of `bytes` as the socket takes now; returns how many bytes it took.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Int {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            written += count
        }
        return written
    }

    /// Tells the daemon nothing more will be written (`shutdown(SHUT_WR)`); reading goes on.
    public func closeWriting() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Everything the daemon sends until it closes the connection, or `nil` when it is
    /// still open after `timeout` seconds.
    public func readToEnd(timeout: Double) -> [UInt8]? {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { return nil }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return received }
            if count > 0 { received += chunk[..<count] }
        }
        return nil
    }

    /// The first line the daemon sends (without its newline), or `nil` when none comes
    /// within `timeout` seconds or the connection closes first.
    public func readLine(timeout: Double) -> String? {
        var received: [UInt8] = []
        var byte: UInt8 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) >= 0 else { return nil }
            let count = recv(descriptor, &byte, 1, 0)
            if count == 0 { return nil }
            if count == 1 {
                if byte == 0x0a { return String(decoding: received, as: UTF8.self) }
                received.append(byte)
            }
        }
        return nil
    }
}
