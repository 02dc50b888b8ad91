#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The `Date` header's value for now (`Thu, 03 Dec 2026 15:04:05 GMT`), formatted once a second
/// and shared, as Hummingbird keeps its own for the routes it answers.
enum HTTPDate {
    private static let cache = Mutex<(second: Int, text: String)>((-1, ""))

    static var now: String {
        let second = time(nil)
        return cache.withLock { cache in
            if cache.second != second { cache = (second, format(second)) }
            return cache.text
        }
    }

    /// IMF-fixdate (RFC 9110 §5.6.7); the C locale's English day and month names.
    private static func format(_ second: time_t) -> String {
        var seconds = second
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = [CChar](repeating: 0, count: 64)
        let length = strftime(&text, text.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
        return String(decoding: text[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
