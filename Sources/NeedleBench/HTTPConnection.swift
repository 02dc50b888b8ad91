import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A blocking HTTP/1.1 keep-alive connection over TCP that sends `GET` requests and reads whole
/// responses, for timing the HTTP gateway against the socket it fronts.
///
/// Like ``UnixSocketConnection``, plain POSIX calls keep the client's own cost small; it reads
/// `Content-Length` and chunked bodies, which is all `needle-http` sends.
///
/// ```swift
/// let connection = try HTTPConnection(host: "127.0.0.1", port: 8080)
/// let (status, body) = try connection.get("/suggest?q=micro")
/// ```
public final class HTTPConnection {
    private let socket: ConnectedSocket
    private let host: String
    private var buffer: [UInt8] = []

    /// Connects to `host` (an IPv4 address) and `port`.
    public init(host: String, port: UInt16) throws {
        self.host = host
        let peer = "\(host):\(port)"
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw BenchError.socket(path: peer, reason: "not an IPv4 address")
        }
        socket = try ConnectedSocket(peer: peer, family: AF_INET) { descriptor in
            var noDelay: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
    }

    /// Sends `GET target` and returns the response's status and body.
    public func get(_ target: String) throws -> (status: Int, body: [UInt8]) {
        try socket.send(Array("GET \(target) HTTP/1.1\r\nHost: \(host)\r\n\r\n".utf8))
        let head = try readHead()
        let lines = head.split(separator: "\r\n")
        let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0
        var length: Int?
        var chunked = false
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].lowercased(), value = parts[1].trimmingCharacters(in: .whitespaces)
            if name == "content-length" { length = Int(value) }
            if name == "transfer-encoding" && value.lowercased().contains("chunked") { chunked = true }
        }
        return (status, chunked ? try readChunkedBody() : try readBytes(length ?? 0))
    }

    /// The status line and headers, up to the blank line.
    private func readHead() throws -> String {
        let end: [UInt8] = [13, 10, 13, 10]
        while true {
            if buffer.count >= 4, let index = (0...(buffer.count - 4)).first(where: { buffer[$0..<$0 + 4].elementsEqual(end) }) {
                let head = String(decoding: buffer[..<index], as: UTF8.self)
                buffer.removeFirst(index + 4)
                return head
            }
            try fill()
        }
    }

    private func readLine() throws -> String {
        while true {
            if let index = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<index], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                buffer.removeFirst(index + 1)
                return line
            }
            try fill()
        }
    }

    private func readBytes(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        let bytes = Array(buffer[..<count])
        buffer.removeFirst(count)
        return bytes
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let size = Int(try readLine(), radix: 16) ?? 0
            if size == 0 {
                _ = try readLine()
                return body
            }
            body += try readBytes(size)
            _ = try readLine()
        }
    }

    private func fill() throws {
        try socket.receive(appendingTo: &buffer)
    }
}
