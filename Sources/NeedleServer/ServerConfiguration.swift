/// How a ``NeedleServer`` listens, whom it accepts and what it bounds. A plain value.
public struct ServerConfiguration: Sendable {
    /// The Unix domain socket to listen on.
    public var socketPath: String
    /// A listening socket inherited from systemd (socket activation); when set, the server
    /// serves it instead of binding `socketPath`, and leaves the socket file to systemd.
    public var inheritedSocket: Int32?
    /// Permission bits of the socket file; 0660 lets the owner and the group connect.
    public var socketMode: UInt16 = 0o660
    /// The group the socket file is given, when set (the group members may then connect).
    public var socketGroup: UInt32?
    /// When not empty (or ``allowedGroups`` is not), only peers with one of these user ids
    /// (or a group of ``allowedGroups``) are served; others get one `forbidden` line.
    public var allowedUsers: Set<UInt32> = []
    /// Group ids whose processes may connect; see ``allowedUsers``.
    public var allowedGroups: Set<UInt32> = []
    /// The longest request line accepted, newline excluded; longer lines get `line_too_long`.
    public var maximumLineLength = 64 * 1024
    /// Connections served at once; one more gets a `too_many_connections` line and is closed.
    public var maximumConnections = 1024
    /// A connection that sends nothing for this long gets an `idle_timeout` line and is closed.
    public var idleTimeout: Duration = .seconds(300)
    /// A request running longer is interrupted and answered with `timeout`.
    public var requestTimeout: Duration = .seconds(10)
    /// On graceful shutdown, connections still open after this long are closed.
    public var shutdownTimeout: Duration = .seconds(10)
    /// Unwritten response bytes per connection above which the daemon stops reading that
    /// connection's requests until the client has read its replies.
    public var outputHighWatermark = 64 * 1024
    /// Answers to repeated `search` and `ask` requests kept per index (``ResultCache``); 0 turns
    /// the cache off.
    public var resultCacheCapacity = 1024
    /// When set, the index file is checked this often and reloaded when it was replaced.
    public var watchInterval: Duration?

    public init(socketPath: String) {
        self.socketPath = socketPath
    }
}
