import NeedleBench
import Testing

@Suite struct ServerTimeTests {
    @Test(arguments: [
        (#"{"id":1,"ok":true,"result":{"hits":[],"took_us":87}}"#, 87 as Int?),
        (#"{"took_us":0,"suggestions":[]}"#, 0),
        (#"{"id":1,"ok":true}"#, nil),
        (#"{"took_us":"x"}"#, nil),
        (#"{"a":"\"took_us\":5"}"#, nil),
    ])
    func tookIsReadFromTheReply(line: String, expected: Int?) {
        // Inside a string value the key's quotes are escaped, so it never matches there.
        #expect(ServerTime.tookMicroseconds(in: Array(line.utf8)[...]) == expected)
    }

    @Test func requestFilesKeepKnownOperationsAndSkipComments() {
        let lines = ServerTimeRun.parse("# task\tquery\nsearch\tacne scars\tacne-scars\t3\nsuggest\tmicro\nreload\tx\nask\t\t\n")
        #expect(lines.map(\.operation) == [.search, .suggest])
        #expect(lines.map(\.query) == ["acne scars", "micro"])
    }

    @Test func aTableRowPerOperation() {
        let time = ServerTime(
            label: "needle", operation: .ask, queries: "dev.tsv", requests: 4, rounds: 20,
            took: LatencySummary(nanoseconds: [100_000, 200_000, 300_000]))
        let results = BenchResults(
            articles: 55, machine: MachineInfo(cores: 2, cpuModel: "Test CPU", memoryGiB: 4), builds: [], cells: [],
            serverTimes: [time])
        let markdown = ResultsTable(results).markdown
        #expect(markdown.contains("| needle (dev.tsv) | ask | 4 | 20 | 200 | 300 | 300 | 300 |"))
        #expect(!markdown.contains("| builder |"), "no build was timed, so no build table")
    }
}
