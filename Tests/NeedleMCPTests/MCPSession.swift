import Foundation
import MCP
import NeedleTesting
import SystemPackage

/// `needle mcp` run as a subprocess, with the MCP SDK's own client talking to it over its
/// standard input and output, as an agent's host would.
final class MCPSession: @unchecked Sendable {
    let client = Client(name: "needle-tests", version: "1.0")
    let initialized: Initialize.Result
    private let process: Process

    init(arguments: [String]) async throws {
        let toServer = Pipe()
        let fromServer = Pipe()
        process = Process()
        process.executableURL = URL(fileURLWithPath: ProductsDirectory.executable("needle"))
        process.arguments = ["mcp"] + arguments
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        try process.run()
        let transport = StdioTransport(
            input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
            output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
        initialized = try await client.connect(transport: transport)
    }

    /// Disconnects and stops the server.
    func close() async {
        await client.disconnect()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
