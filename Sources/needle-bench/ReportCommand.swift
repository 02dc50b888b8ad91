import ArgumentParser
import Foundation
import NeedleBench

/// `needle-bench report`: turns a run folder's JSON lines into results.json, report.md and chart.svg.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write results.json, report.md and chart.svg from builds.jsonl and cells.jsonl in a run folder.")

    @Option(help: "The run folder (holds builds.jsonl and cells.jsonl).")
    var folder: String

    @Option(help: "Number of articles of the corpus measured.")
    var articles: Int

    func run() throws {
        let results = try BenchResults.load(folder: folder, articles: articles)
        try results.write(to: folder + "/results.json")
        let markdown = "Machine: \(results.machine.summary)\n\n" + ResultsTable(results).markdown + "\n"
        try markdown.write(toFile: folder + "/report.md", atomically: true, encoding: .utf8)
        try LatencyChart(results).svg.write(toFile: folder + "/chart.svg", atomically: true, encoding: .utf8)
        print(markdown)
        print("wrote \(folder)/results.json, report.md, chart.svg")
    }
}
