import ArgumentParser
import Foundation
import NeedleTesting

/// `needle-proof socket-takeover`: two ways a socket path changes hands. A daemon whose
/// socket file was replaced by a second daemon's is stopped: the second's file must stay.
/// As root, a daemon of another user (nobody) listens at a path: `needle` must refuse it.
///
/// ```
/// needle-proof socket-takeover --index Index/needle.sqlite
/// ```
struct SocketTakeoverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "socket-takeover", abstract: "Stop a daemon whose socket another took; meet a daemon of another user.")

    @Option(help: "The index to serve.")
    var index = "Index/needle.sqlite"

    func run() async throws {
        var failures: [String] = []
        let first = try await DaemonProcess.start(index: index)
        defer { first.kill() }
        unlink(first.socketPath)
        let second = try await DaemonProcess.start(index: index, socketPath: first.socketPath)
        defer { second.kill() }
        kill(first.process.processIdentifier, SIGTERM)
        first.process.waitUntilExit()
        let stays = FileManager.default.fileExists(atPath: second.socketPath)
        let answers = (try? await second.request(.ping))?.contains(#""ok":true"#) == true
        print("first daemon stopped (exit \(first.process.terminationStatus)); second's socket file still there: \(stays); second answers: \(answers)")
        if !stays || !answers { failures.append("the second daemon lost its socket") }
        if getuid() == 0 {
            let refused = try await impostorIsRefused()
            print("a daemon running as nobody at the socket path: needle refused it: \(refused)")
            if !refused { failures.append("the client talked to another user's daemon") }
        } else {
            print("skipped the impostor: running a daemon as another user needs root")
        }
        if !failures.isEmpty { print("FAILED: \(failures.joined(separator: "; "))"); throw ExitCode.failure }
    }

    /// Starts `needled` as user nobody on a socket in a folder anyone may write to, then pings it.
    private func impostorIsRefused() async throws -> Bool {
        let directory = try TemporaryDirectory(prefix: "needle-proof")
        defer { directory.remove() }
        chmod(directory.path, 0o777)
        let copy = directory.file("needle.sqlite")
        try FileManager.default.copyItem(atPath: index, toPath: copy)
        chmod(copy, 0o644)
        let socket = directory.file("needle.sock")
        let impostor = Process()
        impostor.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        impostor.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", ProductsDirectory.executable("needled"),
                              "--index", copy, "--socket", socket]
        impostor.standardError = FileHandle.nullDevice
        try impostor.run()
        defer { kill(impostor.processIdentifier, SIGKILL); impostor.waitUntilExit() }
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(20)) }
        let ping = try CommandRun.run("needle", ["ping", "--socket", socket])
        print("  needle ping: exit \(ping.status): \(ping.standardError.trimmingCharacters(in: .whitespacesAndNewlines).prefix(160))")
        return ping.status != 0 && ping.standardError.contains("runs as user 65534")
    }
}
