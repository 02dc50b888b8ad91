import Foundation
@testable import NeedleServer
import Testing

@Suite struct SystemdSocketTests {
    /// `LISTEN_PID` values: "self" stands for this process's pid.
    private func environment(pid: String?, count: String?) -> [String: String] {
        var environment: [String: String] = [:]
        if let pid { environment["LISTEN_PID"] = pid == "self" ? String(getpid()) : pid }
        if let count { environment["LISTEN_FDS"] = count }
        return environment
    }

    @Test func takesDescriptorThreeWhenTheSocketsAreForThisProcess() {
        #expect(SystemdSocket.inherited(environment: environment(pid: "self", count: "2")) == 3)
    }

    @Test(arguments: [("self", "0"), ("self", "x"), ("1", "1"), (nil, "1"), ("self", nil), (nil, nil)] as [(String?, String?)])
    func ignoresSocketsMeantForAnotherProcessOrNone(pid: String?, count: String?) {
        #expect(SystemdSocket.inherited(environment: environment(pid: pid, count: count)) == nil)
    }
}
