import Foundation

/// Turns a `--socket-group` value, a group name or number, into a group id.
enum GroupName {
    /// The id of group `name` (or `name` itself when it is a number); `nil` when there is no such group.
    static func id(of name: String) -> UInt32? {
        if let number = UInt32(name) { return number }
        guard let group = getgrnam(name) else { return nil }
        return UInt32(group.pointee.gr_gid)
    }
}
