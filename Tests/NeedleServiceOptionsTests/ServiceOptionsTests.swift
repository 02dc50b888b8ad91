import NeedleProtocol
import NeedleServiceOptions
import Testing

@Suite struct ServiceOptionsTests {
    @Test func theSocketAndLevelAreReadFromTheirFlags() throws {
        let options = try ServiceOptions.parse(["--socket", "/tmp/x/needle.sock", "--log-level", "warning"])
        #expect(options.socketPath == "/tmp/x/needle.sock")
        #expect(options.level == .warning)
    }

    @Test func withoutFlagsTheDefaultSocketAndInfoAreUsed() throws {
        let options = try ServiceOptions.parse([])
        #expect(options.socketPath == SocketPath.default())
        #expect(options.level == .info)
    }

    @Test func anUnknownLevelIsRefusedWithTheLevelsNamed() {
        let error = #expect(throws: (any Error).self) { try ServiceOptions.parse(["--log-level", "loud"]) }
        #expect(error.map { ServiceOptions.message(for: $0) }?.contains("--log-level must be one of trace") == true)
    }
}
