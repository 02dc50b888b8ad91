import NIOCore
import NeedleProtocol
import NeedleServer

/// Where the gateway's protocol requests are answered: `needled` over its socket, or an index
/// opened in the gateway's own process (`needle-http --in-process`). Either way the reply is the
/// daemon's reply line, so the HTTP API is the same.
///
/// ```swift
/// let backend = GatewayBackend.daemon(DaemonConnectionPool(socketPath: "/tmp/needle.sock", size: 4))
/// let reply = try await backend.reply(to: Request(id: nil, operation: .ping))   // {"id":null,"ok":true}
/// ```
public enum GatewayBackend: Sendable {
    /// Pooled connections to a running `needled`.
    case daemon(DaemonConnectionPool)
    /// The index in this process, answered on the calling thread as `needled` answers on its event loops.
    case inProcess(IndexResponder)

    /// The reply line to `request`, without its newline. Throws a ``GatewayError`` when the
    /// daemon cannot be reached; the in-process index never throws.
    public func reply(to request: Request) async throws -> ByteBuffer {
        switch self {
        case .daemon(let pool): return try await pool.send(request)
        case .inProcess(let responder): return Self.reply(to: request, from: responder)
        }
    }

    /// The in-process reply line, without its newline.
    static func reply(to request: Request, from responder: IndexResponder) -> ByteBuffer {
        let line = responder.reply(to: request)
        return ByteBuffer(bytes: line.last == UInt8(ascii: "\n") ? line.dropLast() : line[...])
    }

    /// Where the answers come from, for the start-up line.
    public var description: String {
        switch self {
        case .daemon(let pool): return "needled at \(pool.socketPath)"
        case .inProcess(let responder): return "index \(responder.indexPath) in this process"
        }
    }

    /// Closes the daemon connections (when the gateway stops).
    public func close() async {
        if case .daemon(let pool) = self { await pool.close() }
    }
}
