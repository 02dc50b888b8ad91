import NeedleBench
import Testing

@Suite struct ResultsTableTests {
    static func cell(_ label: String, _ operation: BenchOperation, clients: Int, replies: Int, p99: UInt64, supported: Bool = true) -> LoadCell {
        LoadCell(
            label: label, operation: operation, clients: clients, supported: supported, seconds: 2,
            replies: supported ? replies : 0, errors: 0,
            latency: LatencySummary(nanoseconds: supported ? [p99 / 2, p99] : []), daemonRSSKiB: label == "needle" ? 40_960 : nil)
    }

    static let results = BenchResults(
        articles: 10_000, machine: MachineInfo(cores: 2, cpuModel: "Test CPU", memoryGiB: 4),
        builds: [
            BuildRecord(label: "needle", seconds: 3, cpuSeconds: 2, peakRSSKiB: 102_400, indexBytes: 52_428_800, exitStatus: 0),
            BuildRecord(label: "limitd", seconds: 2, cpuSeconds: 2, peakRSSKiB: 51_200, indexBytes: 41_943_040, exitStatus: 0),
        ],
        cells: [
            cell("needle", .search, clients: 1, replies: 2_000, p99: 400_000),
            cell("limitd", .search, clients: 1, replies: 2_500, p99: 200_000),
            cell("needle", .ask, clients: 1, replies: 0, p99: 0, supported: false),
        ])

    @Test func buildRowsCarryTheTimeRatioToTheFloor() {
        let table = ResultsTable(Self.results).buildTable
        #expect(table.contains("| needle | 3.00 | 2.00 | 100.0 | 50.0 | 1.50× | 1.00× |"))
        #expect(table.contains("| limitd | 2.00 | 2.00 | 50.0 | 40.0 | 1.00× | 1.00× |"))
    }

    @Test func loadRowsCarryBothDaemonsAndTheirRatios() {
        let table = ResultsTable(Self.results).loadTable
        #expect(table.contains("| search | 1 | 1000 | 200.0 | 400.0 | 400.0 | 1250 | 200.0 | 0.80× | 2.00× | 40.0 |"))
    }

    @Test func anUnsupportedOperationSaysSoAndHasNoRatio() {
        let table = ResultsTable(Self.results).loadTable
        #expect(table.contains("| ask | 1 | not supported | not supported | not supported | not supported | – | – | – | – | 40.0 |"))
    }

    @Test func ratiosOfZeroAreDashes() {
        #expect(ResultsTable.ratio(1, 0) == "–")
        #expect(ResultsTable.ratio(1, 4) == "0.25×")
    }

    @Test func theChartHasARowPerSupportedOperationAndALinePerDaemon() {
        let chart = LatencyChart(Self.results)
        let svg = chart.svg
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4, "needle and limitd search, in the QPS and p99 panels")
        #expect(svg.contains(">search: QPS</text>"))
        #expect(svg.contains(">search: p99 µs</text>"))
        #expect(!svg.contains("ask:"), "ask was not supported")
        #expect(chart.labels.map(\.name) == ["needle", "limitd"])
    }

    @Test(arguments: [(0.0, 0.0), (0.7, 1.0), (1.0, 1.0), (1.3, 2.0), (2.1, 2.5), (3.0, 5.0), (730.0, 1_000.0), (12_000.0, 20_000.0)])
    func axesEndAtARoundNumber(value: Double, ceiling: Double) {
        #expect(abs(LatencyChart.niceCeiling(value) - ceiling) < 1e-9)
    }
}

@Suite struct OtherRunsTests {
    @Test func aSoakRunIsListedWithItsRepliesAndMemory() {
        var results = ResultsTableTests.results
        var soak = ResultsTableTests.cell("needle", .search, clients: 2, replies: 1_000_000, p99: 300_000)
        soak.label = "needle-soak"
        soak.daemonRSSKiB = 30_720
        results.cells.append(soak)
        let table = ResultsTable(results)
        #expect(table.otherRuns.contains("| needle-soak | search | 2 | 1000000 | 500000 | 300.0 | 30.0 |"))
        #expect(table.markdown.contains(table.otherRuns))
        #expect(!table.loadTable.contains("needle-soak"))
    }

    @Test func withoutOtherRunsThereIsNoTable() {
        #expect(ResultsTable(ResultsTableTests.results).otherRuns.isEmpty)
    }
}
