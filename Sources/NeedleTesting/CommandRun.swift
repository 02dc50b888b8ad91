import Foundation

/// Runs a built executable to completion and captures its output.
///
/// ```swift
/// let run = try CommandRun.run("needle", ["check", "--corpus", path])
/// #expect(run.status == 0)
/// ```
public struct CommandRun: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    public static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandRun {
        try run(executableAt: ProductsDirectory.executable(name), arguments, environment: environment)
    }

    /// Runs the program at `path` (not one of the package's products), e.g. `/bin/sh`.
    public static func run(executableAt path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty process cannot block on a full pipe.
        let errorData = LockedData()
        let errorReader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return CommandRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// Data handed from a reader thread to the waiting one.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
