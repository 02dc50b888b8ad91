import Foundation

/// Turns a `--daemon-user` value, a user name or number, into a user id.
enum UserName {
    /// The id of user `name` (or `name` itself when it is a number); `nil` when there is no such user.
    static func id(of name: String) -> UInt32? {
        if let number = UInt32(name) { return number }
        guard let user = getpwnam(name) else { return nil }
        return UInt32(user.pointee.pw_uid)
    }
}
