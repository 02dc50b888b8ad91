import Foundation

/// The `sockaddr_un` of a Unix socket path, built once for `bind` or `connect`.
///
/// ```swift
/// guard let address = UnixSocketAddress(path: "/run/needle/needle.sock") else { … }   // too long
/// let connected = address.withSockaddr { connect(descriptor, $0, $1) }
/// ```
public struct UnixSocketAddress: Sendable {
    /// The longest path an address holds, in bytes: `sun_path` less its terminating NUL.
    public static let maximumPathLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    private var address = sockaddr_un()

    /// The address of `path`, or nil when the path is longer than ``maximumPathLength``.
    public init?(path: String) {
        guard path.utf8.count <= Self.maximumPathLength else { return nil }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8)
            buffer[path.utf8.count] = 0
        }
    }

    /// Calls `body` with the address as the `sockaddr` pointer and length the socket calls take.
    public func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Result) rethrows -> Result {
        try withUnsafePointer(to: address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
