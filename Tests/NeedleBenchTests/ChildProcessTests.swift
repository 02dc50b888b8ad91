import Foundation
import NeedleBench
import Testing

@Suite struct ChildProcessTests {
    @Test func theExitStatusOfTheChildIsReported() throws {
        let child = try ChildProcess.run("/bin/sh", arguments: ["-c", "exit 3"])
        #expect(child.exitStatus == 3)
    }

    /// A sleeping child takes wall time but hardly any CPU; a busy one takes CPU. Lower bounds
    /// only, which a loaded machine cannot break.
    @Test func wallTimeAndCPUTimeAreTheChildsOwn() throws {
        let sleeper = try ChildProcess.run("sleep", arguments: ["0.3"])
        #expect(sleeper.seconds >= 0.3)
        #expect(sleeper.cpuSeconds < sleeper.seconds)
        let busy = try ChildProcess.run("/bin/sh", arguments: ["-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done"])
        #expect(busy.cpuSeconds > 0.05)
        #expect(busy.seconds >= busy.cpuSeconds * 0.9, "one thread cannot use more CPU than wall time")
    }

    @Test func thePeakMemoryIsTheChildsOwn() throws {
        // dd holds one 64 MiB block, filled from /dev/zero, so its peak is above 64 MiB.
        let child = try ChildProcess.run("dd", arguments: ["if=/dev/zero", "of=/dev/null", "bs=64M", "count=1", "status=none"])
        #expect(child.exitStatus == 0)
        #expect(child.peakRSSKiB > 64 * 1024)
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
