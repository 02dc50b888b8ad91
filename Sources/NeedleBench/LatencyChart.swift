import Foundation

/// An SVG chart of throughput and p99 latency against client count: one row per
/// operation, one line per daemon.
///
/// Each row has two panels: QPS on the left, p99 latency (µs) on the right, so an
/// operation measured in tens of thousands of QPS does not flatten one measured in
/// hundreds. Client counts are evenly spaced on the x axis; each y axis starts at
/// zero. Unsupported cells are left out.
///
/// ```swift
/// try LatencyChart(results).svg.write(toFile: "chart.svg", atomically: true, encoding: .utf8)
/// ```
public struct LatencyChart: Sendable {
    public let results: BenchResults

    public init(_ results: BenchResults) { self.results = results }

    static let panelWidth = 420.0
    static let panelHeight = 200.0
    static let margin = 50.0
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    /// A line of the chart: one daemon's cells for one operation, by client count.
    struct Series {
        var name: String
        var color: String
        var cells: [LoadCell]
    }

    /// The whole SVG document.
    public var svg: String {
        let rows = BenchOperation.allCases.map { series(of: $0) }.filter { !$0.isEmpty }
        let labels = self.labels
        let rowHeight = Self.panelHeight + 1.5 * Self.margin
        let width = 2 * (Self.panelWidth + Self.margin) + Self.margin
        let height = Self.margin + rowHeight * Double(rows.count) + 20 * Double(labels.count) + 10
        var parts = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Int(width))" height="\#(Int(height))" font-family="sans-serif" font-size="11">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
            #"<text x="\#(Self.margin)" y="20" font-size="14">\#(results.articles) articles: throughput and p99 latency by client count</text>"#,
        ]
        for (index, row) in rows.enumerated() {
            let top = Self.margin + rowHeight * Double(index)
            let operation = row[0].cells[0].operation.rawValue
            let clients = Set(row.flatMap { $0.cells.map(\.clients) }).sorted()
            parts += panel(row, clients: clients, left: Self.margin, top: top, title: "\(operation): QPS", value: \.qps)
            parts += panel(row, clients: clients, left: 2 * Self.margin + Self.panelWidth, top: top, title: "\(operation): p99 µs", value: \.latency.p99)
        }
        parts += legend(labels, top: Self.margin + rowHeight * Double(rows.count))
        parts.append("</svg>")
        return parts.joined(separator: "\n") + "\n"
    }

    /// Every daemon with a supported cell, in the order first measured, with its colour.
    public var labels: [(name: String, color: String)] {
        var names: [String] = []
        for cell in results.cells where cell.supported && !names.contains(cell.label) { names.append(cell.label) }
        return names.enumerated().map { ($1, Self.palette[$0 % Self.palette.count]) }
    }

    /// One line per daemon that answered `operation`.
    func series(of operation: BenchOperation) -> [Series] {
        labels.compactMap { label in
            let cells = results.cells.filter { $0.supported && $0.label == label.name && $0.operation == operation && $0.queryFile == operation.queryFile }
            return cells.isEmpty ? nil : Series(name: label.name, color: label.color, cells: cells.sorted { $0.clients < $1.clients })
        }
    }

    private func panel(
        _ series: [Series], clients: [Int], left: Double, top: Double, title: String, value: KeyPath<LoadCell, Double>
    ) -> [String] {
        let bottom = top + Self.panelHeight
        let highest = series.flatMap { $0.cells.map { $0[keyPath: value] } }.max() ?? 0
        let scale = Self.niceCeiling(highest)
        func x(_ clientCount: Int) -> Double {
            let index = Double(clients.firstIndex(of: clientCount) ?? 0)
            return left + (clients.count > 1 ? index / Double(clients.count - 1) : 0.5) * Self.panelWidth
        }
        func y(_ figure: Double) -> Double { bottom - (scale > 0 ? figure / scale : 0) * Self.panelHeight }
        var parts = [
            #"<text x="\#(left)" y="\#(top - 10)" font-size="12">\#(title)</text>"#,
            #"<line x1="\#(left)" y1="\#(bottom)" x2="\#(left + Self.panelWidth)" y2="\#(bottom)" stroke="black"/>"#,
            #"<line x1="\#(left)" y1="\#(top)" x2="\#(left)" y2="\#(bottom)" stroke="black"/>"#,
        ]
        for step in 0...4 {
            let figure = scale * Double(step) / 4
            parts.append(#"<text x="\#(left - 4)" y="\#(y(figure) + 4)" text-anchor="end">\#(Self.label(figure))</text>"#)
            parts.append(##"<line x1="\##(left)" y1="\##(y(figure))" x2="\##(left + Self.panelWidth)" y2="\##(y(figure))" stroke="#ddd"/>"##)
        }
        for count in clients {
            parts.append(#"<text x="\#(x(count))" y="\#(bottom + 16)" text-anchor="middle">\#(count) client\#(count == 1 ? "" : "s")</text>"#)
        }
        for line in series {
            let points = line.cells.map { "\(Self.coordinate(x($0.clients))),\(Self.coordinate(y($0[keyPath: value])))" }
            parts.append(#"<polyline fill="none" stroke="\#(line.color)" stroke-width="2" points="\#(points.joined(separator: " "))"/>"#)
            for cell in line.cells {
                parts.append(#"<circle cx="\#(Self.coordinate(x(cell.clients)))" cy="\#(Self.coordinate(y(cell[keyPath: value])))" r="3" fill="\#(line.color)"/>"#)
            }
        }
        return parts
    }

    private func legend(_ labels: [(name: String, color: String)], top: Double) -> [String] {
        labels.enumerated().flatMap { index, label in
            let y = top + 20 * Double(index)
            return [
                #"<line x1="\#(Self.margin)" y1="\#(y)" x2="\#(Self.margin + 24)" y2="\#(y)" stroke="\#(label.color)" stroke-width="2"/>"#,
                #"<text x="\#(Self.margin + 30)" y="\#(y + 4)">\#(label.name)</text>"#,
            ]
        }
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `value` (0 for 0).
    public static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let power = pow(10, floor(log10(value)))
        return [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= value } ?? 10 * power
    }

    private static func label(_ figure: Double) -> String {
        figure >= 10_000 ? String(format: "%.0fk", figure / 1_000) : String(format: figure < 10 ? "%.1f" : "%.0f", figure)
    }

    private static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
