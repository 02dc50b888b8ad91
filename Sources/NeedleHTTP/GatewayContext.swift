import Hummingbird
import NIOCore

/// Hummingbird's request context plus the client's address, which the rate limit is kept by.
public struct GatewayContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address; `local` when there is none (a test client without a socket).
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        client = Self.client(of: source.channel)
    }

    /// The peer's IP address, or `local`.
    static func client(of channel: any Channel) -> String {
        channel.remoteAddress?.ipAddress ?? "local"
    }
}
