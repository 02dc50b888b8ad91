import NeedleTesting
import Testing

/// `needle-http`'s command line refuses bad options before it binds anything.
@Suite struct NeedleHTTPCommandTests {
    @Test(arguments: [
        (["--port", "70000"], "--port must be between 0 and 65535"),
        (["--connections", "0"], "--connections must be at least 1"),
        (["--rate-limit=-1"], "--rate-limit must be 0 or more"),
        (["--log-level", "loud"], "--log-level must be one of"),
        (["--in-process", "--socket", "/tmp/needle.sock"], "--socket and --in-process exclude each other"),
        (["--watch"], "--watch needs --in-process"),
        (["--in-process", "--index", "/nonexistent/needle.sqlite", "--port", "0"], "needle-http: "),
    ])
    func aBadOptionIsRefused(arguments: [String], message: String) throws {
        let run = try CommandRun.run("needle-http", arguments)
        #expect(run.status != 0)
        #expect(run.standardError.contains(message), "\(run.standardError)")
    }
}
