import NeedleBench
import Testing

@Suite struct AnchorTableTests {
    static func cell(_ label: String, _ operation: BenchOperation, _ queries: String, clients: Int, replies: Int) -> LoadCell {
        LoadCell(
            label: label, operation: operation, queries: queries, clients: clients, supported: true, seconds: 2,
            replies: replies, errors: 0, latency: LatencySummary(nanoseconds: [100_000, 300_000]))
    }

    static func results(_ cells: [LoadCell]) -> BenchResults {
        BenchResults(articles: 10_000, machine: MachineInfo(cores: 2, cpuModel: "Test CPU", memoryGiB: 4), builds: [], cells: cells)
    }

    @Test func askIsComparedWithTheAnchorsSearchOfTheSameQuestions() {
        let table = AnchorTable(Self.results([
            Self.cell("needle", .ask, "questions.txt", clients: 1, replies: 600),
            Self.cell("tantivy-py", .search, "questions.txt", clients: 1, replies: 1_200),
        ])).markdown
        #expect(table.contains("| ask | questions.txt | 1 | 300 | 100.0 | 300.0 | 600 | 100.0 | 300.0 | 0.50× |"))
    }

    @Test func searchRowsKeepTheirQueryFilesApart() {
        let table = AnchorTable(Self.results([
            Self.cell("needle", .search, "terms.txt", clients: 2, replies: 4_000),
            Self.cell("needle", .search, "questions.txt", clients: 2, replies: 1_000),
            Self.cell("tantivy-py", .search, "terms.txt", clients: 2, replies: 2_000),
            Self.cell("tantivy-py", .search, "questions.txt", clients: 2, replies: 2_000),
        ])).markdown
        #expect(table.contains("| search | terms.txt | 2 | 2000 | 100.0 | 300.0 | 1000 | 100.0 | 300.0 | 2.00× |"))
        #expect(table.contains("| search | questions.txt | 2 | 500 | 100.0 | 300.0 | 1000 | 100.0 | 300.0 | 0.50× |"))
    }

    @Test func withoutTheAnchorThereIsNoTable() {
        #expect(AnchorTable(Self.results([Self.cell("needle", .search, "terms.txt", clients: 1, replies: 10)])).markdown.isEmpty)
    }

    @Test func theLoadTableLeavesOtherQueryFilesOut() {
        let table = ResultsTable(Self.results([
            Self.cell("needle", .search, "terms.txt", clients: 1, replies: 2_000),
            Self.cell("needle", .search, "questions.txt", clients: 2, replies: 1_000),
        ])).loadTable
        #expect(table.contains("| search | 1 | 1000 |"))
        #expect(!table.contains("| search | 2 |"), "the questions.txt cell belongs to the anchor table")
    }

    @Test func aPyBenchLineBecomesASearchCell() throws {
        let line = try PyBenchLine.decode("""
            tantivy: warming up
            {"engine": "tantivy", "queries": "terms.txt", "op": "search", "mode": "full", "threads": 2, "par": "process", "n": 900, "duration_s": 3.0, "qps": 300.0, "p50_us": 60.0, "p90_us": 90.0, "p99_us": 150.0, "max_us": 400.0, "mean_us": 66.0, "avg_hits": 10.0, "zero_frac": 0.0}
            """)
        let cell = line.cell(label: "tantivy-py")
        #expect(cell.operation == .search && cell.queryFile == "terms.txt" && cell.clients == 2)
        #expect(cell.qps == 300 && cell.latency.p50 == 60 && cell.latency.p99 == 150)
    }

    @Test func outputWithoutAJSONLineIsAnError() {
        #expect(throws: BenchError.self) { try PyBenchLine.decode("Traceback (most recent call last):\n  ImportError\n") }
    }
}
