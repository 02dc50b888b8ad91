import Foundation
import NeedleBench
import Testing

@Suite struct ChildProcessTests {
    @Test func theExitStatusOfTheChildIsReported() throws {
        let child = try ChildProcess.run("/bin/sh", arguments: ["-c", "exit 3"])
        #expect(child.exitStatus == 3)
        #expect(child.seconds >= 0)
        #expect(child.cpuSeconds >= 0)
        #expect(child.peakRSSKiB > 0)
    }

    @Test func aSignalIsReportedAsOneHundredTwentyEightPlusItsNumber() throws {
        let child = try ChildProcess.run("/bin/sh", arguments: ["-c", "kill -KILL $$"])
        #expect(child.exitStatus == 128 + SIGKILL)
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: BenchError.self) { try ChildProcess.run("/nonexistent/builder", arguments: []) }
    }

    @Test func statusFieldsAreReadInKibibytes() {
        let status = "Name: needled\nVmHWM:   51234 kB\nVmRSS:   40960 kB\n"
        #expect(ProcessMemory.kibibytes("VmRSS", inStatus: status) == 40_960)
        #expect(ProcessMemory.kibibytes("VmHWM", inStatus: status) == 51_234)
        #expect(ProcessMemory.kibibytes("VmSwap", inStatus: status) == nil)
        #expect(ProcessMemory.residentKiB(of: getpid()).map { $0 > 0 } == true)
    }
}
