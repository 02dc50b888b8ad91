import ArgumentParser
import Foundation
import NeedleProtocol
import NeedleTesting

/// What the probes hold a daemon's later answers to.
enum ExpectedAnswers {
    /// Each query's first hit now: what every later answer must match.
    static func firstSlugs(_ queries: [String], daemon: DaemonProcess) async throws -> [String: String] {
        var expected: [String: String] = [:]
        for text in queries {
            let line = try await daemon.request(.search(SearchRequest(query: text)))
            let reply = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard let slug = (reply?["hits"] as? [[String: Any]])?.first?["slug"] as? String else {
                throw ValidationError("'\(text)' finds nothing in this corpus; pick queries that do")
            }
            expected[text] = slug
        }
        return expected
    }

    /// The reply's fields, or an empty dictionary when it is not a JSON object.
    static func object(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
    }
}
