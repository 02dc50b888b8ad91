import Foundation
import NeedleProtocol
@testable import NeedleServer
import Testing

/// The default socket's folder: created private, refused when anyone else could have made it.
@Suite struct SocketFileTests {
    private func temporaryPath() -> String {
        "/tmp/needle-socket-folder-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    @Test func theDefaultSocketLivesInAFolderOfItsUser() {
        #expect(SocketPath.default(environment: [:]) == "/tmp/needle-\(getuid())/needle.sock")
        #expect(SocketPath.default(environment: ["XDG_RUNTIME_DIR": "/run/user/7"]) == "/run/user/7/needle.sock")
    }

    @Test func aMissingFolderIsCreatedForItsUserAlone() throws {
        let path = temporaryPath()
        defer { rmdir(path) }
        try SocketFile.preparePrivateDirectory(path)
        var status = stat()
        #expect(lstat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        #expect(status.st_uid == getuid())
    }

    @Test func aFolderOthersMayWriteToIsRefused() throws {
        let path = temporaryPath()
        #expect(mkdir(path, 0o700) == 0)
        defer { rmdir(path) }
        chmod(path, 0o777)
        #expect(throws: ServerError.self) { try SocketFile.preparePrivateDirectory(path) }
    }

    @Test(.enabled(if: getuid() == 0, "giving a folder to another user needs root"))
    func aFolderOfAnotherUserIsRefused() throws {
        let path = temporaryPath()
        #expect(mkdir(path, 0o700) == 0)
        defer { rmdir(path) }
        chown(path, 65534, 65534)
        let error = try #require(throws: ServerError.self) { try SocketFile.preparePrivateDirectory(path) }
        #expect(error.description.contains("belongs to user 65534"))
    }

    @Test func aSymlinkInPlaceOfTheFolderIsRefused() throws {
        let path = temporaryPath()
        #expect(symlink("/tmp", path) == 0)
        defer { unlink(path) }
        #expect(throws: ServerError.self) { try SocketFile.preparePrivateDirectory(path) }
    }
}
