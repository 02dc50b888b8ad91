import Foundation

/// The article files of a corpus folder, in the stable order digests and ids depend on.
enum CorpusFiles {
    struct File {
        var path: String
        var relativePath: String
        var slug: String
    }

    /// Every `.md` file below `folder/articles`, sorted by relative path.
    static func articles(in folder: String, into diagnostics: inout [Diagnostic]) -> [File] {
        let articlesFolder = (folder as NSString).appendingPathComponent("articles")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: articlesFolder, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(.error, path: folder, line: 1, "no articles folder: expected \(articlesFolder)/<slug>.md"))
            return []
        }
        let relativePaths = (FileManager.default.enumerator(atPath: articlesFolder)?.allObjects as? [String]) ?? []
        return relativePaths.filter { $0.hasSuffix(".md") }.sorted().map { relative in
            let name = (relative as NSString).lastPathComponent
            return File(
                path: (articlesFolder as NSString).appendingPathComponent(relative),
                relativePath: relative, slug: String(name.dropLast(3)))
        }
    }
}
