/// How a ``NeedleServer`` listens and what it accepts. A plain value.
public struct ServerConfiguration: Sendable {
    /// The Unix domain socket to listen on.
    public var socketPath: String
    /// Permission bits of the socket file; 0660 lets the owner and the group connect.
    public var socketMode: UInt16 = 0o660
    /// The longest request line accepted, newline excluded; longer lines get `line_too_long`.
    public var maximumLineLength = 64 * 1024

    public init(socketPath: String) {
        self.socketPath = socketPath
    }
}
