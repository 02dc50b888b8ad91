import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// systemd socket activation, through systemd's own `systemd-socket-activate`, which binds the
/// socket and starts `needled` with it as descriptor 3 on the first connection.
@Suite(.serialized) struct SocketActivationTests {
    static let activator = "/usr/bin/systemd-socket-activate"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: activator), "needs systemd-socket-activate"))
    func servesTheSocketSystemdPassesAndLeavesItsFile() async throws {
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        let activated = fixture.directory.file("activated.sock")
        let unused = fixture.directory.file("unused.sock")
        // Not Foundation's Process: the activator closes its inherited descriptors and execs needled,
        // which Foundation mistakes for an exit (see SpawnedProcess).
        let process = try SpawnedProcess.start(Self.activator, [
            "-l", activated, ProductsDirectory.executable("needled"), "--index", fixture.indexPath,
            "--socket", unused, "--log-level", "warning",
        ] + DaemonProcess.rootArguments)
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: activated) { try await Task.sleep(for: .milliseconds(20)) }
        let reply = try await NeedleConnection.with(socketPath: activated) { connection in
            try await connection.request(Request(id: .int(1), operation: .search(SearchRequest(query: "PCI"))))
        }
        #expect(Reply.slugs(try Reply.object(reply)).first == "microneedling")
        #expect(!FileManager.default.fileExists(atPath: unused), "needled bound --socket instead of the passed socket")
        process.signal(SIGTERM)
        #expect(try await process.exitStatus(within: .seconds(20)) == 0)
        #expect(FileManager.default.fileExists(atPath: activated), "the socket file belongs to systemd")
    }
}
