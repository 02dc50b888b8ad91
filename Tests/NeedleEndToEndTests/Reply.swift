import Foundation
import Testing

/// Reads the fields tests look at in a daemon's response line.
enum Reply {
    static func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func slugs(_ reply: [String: Any]) -> [String] {
        ((reply["hits"] as? [[String: Any]]) ?? []).compactMap { $0["slug"] as? String }
    }

    static func errorCode(_ reply: [String: Any]) -> String? {
        (reply["error"] as? [String: Any])?["code"] as? String
    }
}
