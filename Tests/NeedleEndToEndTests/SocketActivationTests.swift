import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// systemd socket activation, through systemd's own `systemd-socket-activate`, which binds the
/// socket and starts `needled` with it as descriptor 3 on the first connection.
@Suite(.serialized) struct SocketActivationTests {
    static let activator = "/usr/bin/systemd-socket-activate"

    /// True once process `pid` is gone or a zombie (it is not our child, so it cannot be waited for).
    private func hasExited(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: activator), "needs systemd-socket-activate"))
    func servesTheSocketSystemdPassesAndLeavesItsFile() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let activated = fixture.directory.file("activated.sock")
        let unused = fixture.directory.file("unused.sock")
        let daemon = [ProductsDirectory.executable("needled"), "--index", fixture.indexPath, "--socket", unused] + DaemonProcess.rootArguments
        // Started through sh, in the background: the activator closes every inherited descriptor,
        // which Foundation's Process would take for the exit of its child.
        let start = try CommandRun.run(executableAt: "/bin/sh", [
            "-c", "\"$0\" \"$@\" >/dev/null 2>&1 </dev/null & echo $!", Self.activator, "-l", activated,
        ] + daemon)
        let pid = try #require(Int32(start.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { if !hasExited(pid) { kill(pid, SIGKILL) } }
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: activated) { try await Task.sleep(for: .milliseconds(20)) }
        let reply = try await NeedleConnection.with(socketPath: activated) { connection in
            try await connection.request(Request(id: .int(1), operation: .search(SearchRequest(query: "PCI"))))
        }
        #expect(Reply.slugs(try Reply.object(reply)).first == "microneedling")
        #expect(!FileManager.default.fileExists(atPath: unused), "needled bound --socket instead of the passed socket")
        kill(pid, SIGTERM)
        for _ in 0..<600 where !hasExited(pid) { try await Task.sleep(for: .milliseconds(50)) }
        #expect(hasExited(pid), "needled did not stop on SIGTERM")
        #expect(FileManager.default.fileExists(atPath: activated), "the socket file belongs to systemd")
    }
}
