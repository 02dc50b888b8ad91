import MCP
import NeedleClient

/// Articles as MCP resources, `needle://articles/<slug>`, read as Markdown from the index file
/// the daemon serves.
public struct ArticleResources: Sendable {
    /// What every article's URI starts with.
    public static let uriPrefix = "needle://articles/"

    private let client: NeedleClient
    private let indexPath: String?

    /// Resources of the daemon behind `client`; `indexPath` overrides the index path it reports
    /// (needed when the daemon runs in another directory and reports a relative path).
    public init(client: NeedleClient, indexPath: String? = nil) {
        self.client = client
        self.indexPath = indexPath
    }

    /// Every article, for `resources/list`.
    public func list() async throws -> [Resource] {
        try await library().entries().map { entry in
            Resource(
                name: entry.slug, uri: Self.uriPrefix + entry.slug, title: entry.title,
                description: entry.summary ?? "\(entry.title) (\(entry.kind))", mimeType: "text/markdown")
        }
    }

    /// One article as Markdown, for `resources/read`.
    public func read(uri: String) async throws -> ReadResource.Result {
        guard uri.hasPrefix(Self.uriPrefix) else { throw MCPError.invalidParams("unknown resource \(uri); articles are \(Self.uriPrefix)<slug>") }
        let slug = String(uri.dropFirst(Self.uriPrefix.count))
        guard let markdown = try await library().markdown(slug: slug) else { throw MCPError.invalidParams("no article '\(slug)' in the index") }
        return ReadResource.Result(contents: [.text(markdown, uri: uri, mimeType: "text/markdown")])
    }

    /// The index file now served: asked of the daemon each time, so a reload is followed.
    private func library() async throws -> ArticleLibrary {
        do {
            if let indexPath { return try ArticleLibrary(indexPath: indexPath) }
            return try ArticleLibrary(indexPath: try await client.stats().index.path)
        } catch let error as ClientError {
            throw MCPError.internalError("the Needle daemon is not reachable: \(error)")
        } catch let error as ArticleLibraryError {
            throw MCPError.internalError(error.description)
        }
    }
}
