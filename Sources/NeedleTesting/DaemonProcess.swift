import Foundation
import NeedleClient
import NeedleProtocol

/// A real `needled` process on a temporary socket, for end-to-end tests.
///
/// ```swift
/// let daemon = try await DaemonProcess.start(index: fixture.indexPath)
/// defer { daemon.kill() }
/// let reply = try await daemon.request(.ping)
/// ```
public final class DaemonProcess: @unchecked Sendable {
    public let socketPath: String
    public let process: Process
    private let directory: TemporaryDirectory

    private init(socketPath: String, process: Process, directory: TemporaryDirectory) {
        self.socketPath = socketPath
        self.process = process
        self.directory = directory
    }

    /// `["--allow-root"]` when the tests run as root (as in CI), since `needled` refuses root otherwise.
    public static var rootArguments: [String] { getuid() == 0 ? ["--allow-root"] : [] }

    /// Starts `needled` on a socket in a new temporary folder and waits until it answers `ping`.
    ///
    /// With `logPath`, the daemon's log (standard error) goes to that file instead of nowhere.
    /// With `waitForPing` false, it only waits for the socket file (for a daemon that refuses this
    /// process, which cannot ping it). With `fileLimit`, the daemon runs under `ulimit -n fileLimit`.
    public static func start(
        index: String, socketPath: String? = nil, extraArguments: [String] = [], logPath: String? = nil,
        waitForPing: Bool = true, fileLimit: Int? = nil
    ) async throws -> DaemonProcess {
        let directory = try TemporaryDirectory(prefix: "needled")
        let socket = socketPath ?? directory.file("needle.sock")
        let process = Process()
        let needled = ProductsDirectory.executable("needled")
        let arguments = ["--index", index, "--socket", socket, "--log-level", "warning"] + rootArguments + extraArguments
        if let fileLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" \"$@\"", needled] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: needled)
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let logPath {
            FileManager.default.createFile(atPath: logPath, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: logPath)
        }
        try process.run()
        let daemon = DaemonProcess(socketPath: socket, process: process, directory: directory)
        try await daemon.waitUntilReady(ping: waitForPing)
        return daemon
    }

    private func waitUntilReady(ping: Bool) async throws {
        for _ in 0..<300 {
            guard process.isRunning else { throw DaemonError.exited(status: process.terminationStatus) }
            if ping ? (try? await request(.ping)) != nil : FileManager.default.fileExists(atPath: socketPath) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill()
        throw DaemonError.notAnswering
    }

    /// Sends one request on a new connection and returns the reply line.
    public func request(_ operation: NeedleProtocol.Operation, id: JSONValue = .int(1)) async throws -> String {
        try await NeedleConnection.with(socketPath: socketPath) { connection in
            try await connection.request(Request(id: id, operation: operation))
        }
    }

    /// Stops the process at once (for cleanup after a failed test).
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        directory.remove()
    }
}

/// Why a test daemon could not be used.
public enum DaemonError: Error {
    case exited(status: Int32)
    case notAnswering
}
