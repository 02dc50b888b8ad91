import Foundation

/// Files of one JSON object per line: how the benchmark's steps hand results to the report.
public enum JSONLines {
    /// Appends `value` as one line to the file at `path`, creating it when missing.
    public static func append<Value: Encodable>(_ value: Value, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(value)
        line.append(0x0a)
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError.unreadable(path: path, reason: "cannot open for writing")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
    }

    /// Every line of the file at `path` decoded as `Value`; empty when the file is missing.
    public static func read<Value: Decodable>(_ type: Value.Type, from path: String) throws -> [Value] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        return try data.split(separator: 0x0a).map { try decoder.decode(type, from: Data($0)) }
    }
}
