import Foundation
import NIOCore

/// The files the gateway serves as they are: the page (`Page/`) and the OpenAPI document,
/// read once from the module's resources.
public struct PageResources: Sendable {
    /// One file and its media type.
    public struct File: Sendable {
        public var contents: ByteBuffer
        public var contentType: String
    }

    /// URL path (`/`, `/app.js`, …) → file.
    public let files: [String: File]
    /// `GET /openapi.json`.
    public let openAPI: File

    /// Reads the resources; throws when one is missing (a broken install).
    public init() throws {
        var files: [String: File] = [:]
        for (path, name, type) in Self.page {
            files[path] = File(contents: try Self.read(name, in: "Page"), contentType: type)
        }
        self.files = files
        openAPI = File(contents: try Self.read("openapi.json", in: nil), contentType: "application/json")
    }

    private static let page = [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "style.css", "text/css; charset=utf-8"),
    ]

    private static func read(_ name: String, in folder: String?) throws -> ByteBuffer {
        let base = Bundle.module.resourceURL ?? Bundle.module.bundleURL
        let url = folder.map { base.appendingPathComponent($0) } ?? base
        return ByteBuffer(bytes: try Data(contentsOf: url.appendingPathComponent(name)))
    }
}
