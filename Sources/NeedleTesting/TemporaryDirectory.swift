import Foundation
import Synchronization

/// A fresh directory under the system's temporary folder, removed by `remove()`, and in any
/// case when the process exits (fixtures shared by a whole suite are never removed by hand).
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String = "needle-test") throws {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-XXXXXX")
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: template])
        }
        path = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        LeftoverDirectories.shared.add(path)
    }

    /// `path/name`.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Directories still to remove when the process exits.
private final class LeftoverDirectories: Sendable {
    static let shared: LeftoverDirectories = {
        let leftovers = LeftoverDirectories()
        atexit { LeftoverDirectories.shared.removeAll() }
        return leftovers
    }()

    private let paths = Mutex<[String]>([])

    func add(_ path: String) {
        paths.withLock { $0.append(path) }
    }

    func removeAll() {
        for path in paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
