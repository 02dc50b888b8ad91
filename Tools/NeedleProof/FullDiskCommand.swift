import ArgumentParser
import Foundation
import NeedleIndex
import NeedleProtocol
import NeedleTesting

/// `needle-proof full-disk`: serves an index from a small tmpfs that holds it but not a
/// second copy, and rebuilds it there: the build must fail with a message naming the file,
/// leave the index and the served answers as they were, and leave no temporary file.
///
/// Needs `mount` (root); says so and skips when the mount is refused.
///
/// ```
/// needle-proof full-disk --corpus Corpus
/// ```
struct FullDiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "full-disk", abstract: "Rebuild an index on a full disk (a small tmpfs): nothing served may change.")

    @Option(help: "The corpus to index.")
    var corpus = "Corpus"

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "needle-proof")
        defer { directory.remove() }
        let built = directory.file("built.sqlite")
        guard try CommandRun.run("needle", ["index", "--full", "--corpus", corpus, "--out", built]).status == 0 else {
            throw ValidationError("the corpus does not build; run: needle check")
        }
        let size = try FileManager.default.attributesOfItem(atPath: built)[.size] as? Int ?? 0
        let disk = directory.file("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = try CommandRun.run(executableAt: "/bin/mount", ["-t", "tmpfs", "-o", "size=\(size + size / 4)", "tmpfs", disk])
        guard mount.status == 0 else {
            print("skipped: mounting a tmpfs was refused (\(mount.standardError.trimmingCharacters(in: .whitespacesAndNewlines))); run as root")
            return
        }
        defer { _ = try? CommandRun.run(executableAt: "/bin/umount", [disk]) }
        let out = disk + "/needle.sqlite"
        try FileManager.default.copyItem(atPath: built, toPath: out)
        let daemon = try await DaemonProcess.start(index: out)
        defer { daemon.kill() }
        let expected = try await ExpectedAnswers.firstSlugs(["PCI", "botox", "sunscreen"], daemon: daemon)
        var failures: [String] = []
        for mode in ["--full", "--if-changed"] {
            let build = try CommandRun.run("needle", ["index", mode, "--corpus", corpus, "--out", out])
            let message = build.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
            print("needle index \(mode) on the full disk: exit \(build.status): \(message.prefix(200))")
            if mode == "--full", build.status == 0 || !message.contains(out) { failures.append("\(mode): no failure naming \(out)") }
        }
        let same = (try? Data(contentsOf: URL(fileURLWithPath: out))) == (try? Data(contentsOf: URL(fileURLWithPath: built)))
        let litter = try FileManager.default.contentsOfDirectory(atPath: disk).filter { $0 != "needle.sqlite" }
        var wrong = 0
        for (query, slug) in expected {
            let reply = ExpectedAnswers.object(try await daemon.request(.search(SearchRequest(query: query))))
            if ((reply["hits"] as? [[String: Any]])?.first?["slug"] as? String) != slug { wrong += 1 }
        }
        print("index unchanged: \(same); files left beside it: \(litter); served answers wrong: \(wrong) of \(expected.count)")
        if !same { failures.append("the index changed") }
        if !litter.isEmpty { failures.append("temporary files left") }
        if wrong > 0 { failures.append("answers changed") }
        if !failures.isEmpty { print("FAILED: \(failures.joined(separator: "; "))"); throw ExitCode.failure }
    }
}
