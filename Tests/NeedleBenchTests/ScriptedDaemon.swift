import Foundation
import NeedleProtocol
import Synchronization

/// A Unix-socket server that answers every line with the same reply, for driving the load loop in tests.
final class ScriptedDaemon: Sendable {
    let path: String
    private let listener: Int32
    private let received = Mutex<[String]>([])

    init(reply: String) throws {
        let path = NSTemporaryDirectory() + "needle-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        let bound = UnixSocketAddress(path: path)?.withSockaddr { bind(listener, $0, $1) } ?? -1
        guard listener >= 0, bound == 0, listen(listener, 16) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EADDRINUSE, userInfo: ["path": path, "socket": listener])
        }
        self.path = path
        self.listener = listener
        let line = Array((reply + "\n").utf8)
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Thread.detachNewThread { self.serve(connection, reply: line) }
            }
        }
    }

    /// The first request line of each connection.
    var requests: [String] { received.withLock { $0 } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        unlink(path)
    }

    private func serve(_ connection: Int32, reply: [UInt8]) {
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var first = true
        while true {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            if first {
                received.withLock { $0.append(String(decoding: buffer[0..<count], as: UTF8.self)) }
                first = false
            }
            let newlines = buffer[0..<count].filter { $0 == 0x0a }.count
            for _ in 0..<newlines {
                guard reply.withUnsafeBytes({ write(connection, $0.baseAddress, $0.count) }) == reply.count else { return }
            }
        }
    }
}
