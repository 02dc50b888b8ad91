import Foundation
import NeedleClient
import NeedleProtocol
import NeedleTesting
import Testing

/// Who may connect: peer credentials, socket group, symlinks, root.
@Suite(.serialized) struct AccessTests {
    @Test func aPeerWhoseUserIsNotAllowedGetsOneErrorLine() async throws {
        let other = String(getuid() &+ 4242)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = directory.file("needled.log")
        let daemon = try await DaemonProcess.start(
            index: StandardFixture.indexPath, extraArguments: ["--allow-uid", other], logPath: log, waitForPing: false)
        defer { daemon.kill() }
        // The refusal comes as soon as the peer connects, before it sends anything (sending could
        // race with the daemon closing the connection).
        try await NeedleConnection.with(socketPath: daemon.socketPath) { connection in
            let reply = try Reply.object(try #require(try await connection.nextLine()))
            #expect(Reply.errorCode(reply) == "forbidden")
            #expect(try await connection.nextLine() == nil)
        }
        let logged = try String(contentsOfFile: log, encoding: .utf8)
        #expect(logged.contains("refused connection: peer not allowed"))
        #expect(logged.contains("uid=\(getuid())"))
    }

    @Test(arguments: [["--allow-uid", String(getuid())], ["--allow-gid", String(getgid())], ["--allow-uid", "4242", "--allow-gid", String(getgid())]])
    func anAllowedPeerIsServed(arguments: [String]) async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: arguments)
        defer { daemon.kill() }
        #expect(try Reply.object(try await daemon.request(.ping))["ok"] as? Bool == true)
    }

    @Test(.enabled(if: getuid() == 0, "giving a file to another group needs root"))
    func theSocketFileGetsTheGroupAsked() async throws {
        let daemon = try await DaemonProcess.start(index: StandardFixture.indexPath, extraArguments: ["--socket-group", "1"])
        defer { daemon.kill() }
        var status = stat()
        #expect(lstat(daemon.socketPath, &status) == 0)
        #expect(status.st_gid == 1)
    }

    @Test func aSymlinkAtTheSocketPathIsNotFollowed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.file("target.sock")
        let link = directory.file("link.sock")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let run = try CommandRun.run("needled", ["--index", StandardFixture.indexPath, "--socket", link] + DaemonProcess.rootArguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains("is not a socket"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == target)
    }

    @Test(.enabled(if: getuid() == 0, "the root check only applies to root"))
    func rootIsRefusedUnlessAllowed() throws {
        let run = try CommandRun.run("needled", ["--index", StandardFixture.indexPath, "--socket", "/tmp/needle-root-test.sock"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("refusing to run as root"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/needle-root-test.sock"))
    }

    /// Stopping a daemon whose socket file was since taken by another daemon leaves that
    /// daemon's socket alone.
    @Test func stoppingADaemonLeavesAnotherDaemonsSocketFile() async throws {
        let first = try await DaemonProcess.start(index: StandardFixture.indexPath)
        defer { first.kill() }
        #expect(unlink(first.socketPath) == 0)
        let second = try await DaemonProcess.start(index: StandardFixture.indexPath, socketPath: first.socketPath)
        defer { second.kill() }
        kill(first.process.processIdentifier, SIGTERM)
        first.process.waitUntilExit()
        #expect(first.process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: second.socketPath))
        #expect(try Reply.object(try await second.request(.ping))["ok"] as? Bool == true)
    }

    /// A daemon of another user listening at the socket is refused by the client before it
    /// sends anything, unless that user is named with `--daemon-user`.
    @Test(.enabled(if: getuid() == 0, "running a daemon as another user needs root"))
    func theClientRefusesADaemonOfAnotherUser() async throws {
        let nobody: UInt32 = 65534
        let fixture = try CorpusFixture(articles: CorpusFixture.standardArticles)
        defer { fixture.remove() }
        try fixture.buildIndex()
        for path in [fixture.directory.path, fixture.directory.file("index"), fixture.indexPath] { chmod(path, 0o755) }
        let sockets = try TemporaryDirectory()
        defer { sockets.remove() }
        chmod(sockets.path, 0o777)
        let socket = sockets.file("needle.sock")
        let impostor = Process()
        impostor.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        impostor.arguments = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", ProductsDirectory.executable("needled"),
                              "--index", fixture.indexPath, "--socket", socket]
        impostor.standardError = FileHandle.nullDevice
        try impostor.run()
        defer { kill(impostor.processIdentifier, SIGKILL); impostor.waitUntilExit() }
        for _ in 0..<300 where !FileManager.default.fileExists(atPath: socket) { try await Task.sleep(for: .milliseconds(20)) }
        let refused = try CommandRun.run("needle", ["ping", "--socket", socket])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("runs as user \(nobody), not user 0"))
        let named = try CommandRun.run("needle", ["ping", "--socket", socket, "--daemon-user", String(nobody)])
        #expect(named.status == 0)
    }

    @Test func aSocketPathTooLongForUnixSocketsIsNamedWithItsLimit() throws {
        let path = "/tmp/" + String(repeating: "s", count: 120) + ".sock"
        let run = try CommandRun.run("needled", ["--index", StandardFixture.indexPath, "--socket", path] + DaemonProcess.rootArguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains("\(path): the path is 130 bytes and a Unix socket path may have at most 107; choose a shorter --socket"))
    }
}
