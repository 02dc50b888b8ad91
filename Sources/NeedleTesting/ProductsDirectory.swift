import Foundation

/// Where SwiftPM put the built executables (`needle`, `needled`): beside the test binary.
public enum ProductsDirectory {
    public static var path: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var directory = (executable as NSString).deletingLastPathComponent
        // On macOS the test binary sits inside a .xctest bundle.
        while directory.contains(".xctest") { directory = (directory as NSString).deletingLastPathComponent }
        return directory
    }

    /// The full path of a built executable.
    public static func executable(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }
}
