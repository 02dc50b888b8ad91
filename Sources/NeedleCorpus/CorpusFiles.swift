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
        for relative in relativePaths {
            let path = (articlesFolder as NSString).appendingPathComponent(relative)
            if let problem = unfollowedLink(path) { diagnostics.append(Diagnostic(.warning, path: path, line: 1, problem)) }
        }
        return relativePaths.filter { $0.hasSuffix(".md") }.sorted().map { relative in
            let name = (relative as NSString).lastPathComponent
            return File(
                path: (articlesFolder as NSString).appendingPathComponent(relative),
                relativePath: relative, slug: String(name.dropLast(3)))
        }
    }

    /// Why a symbolic link among the articles is skipped, or `nil` when it is not a link to a folder.
    ///
    /// The walk does not follow links to folders (one may lead back to where it starts), so
    /// the articles below one would be left out without a word.
    static func unfollowedLink(_ path: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return nil }
        let advice = "move or copy the folder into articles/ to index it"
        guard stat(path, &status) == 0 else {
            guard errno == ELOOP else { return nil }
            return "a symbolic link loop; its articles are not indexed (\(advice))"
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { return nil }
        return "a symbolic link to a folder is not followed; its articles are not indexed (\(advice))"
    }
}
