/// Checks that need the whole corpus rather than one file, fed one article at a time.
///
/// Keeps only each slug's path and each name's first owner, so a corpus can be
/// checked while it streams through without holding its articles.
struct CorpusValidator {
    private var slugOwners: [String: String] = [:]
    private var nameOwners: [String: (slug: String, path: String, line: Int)] = [:]

    /// Duplicate slugs (errors) and names shared with an earlier article (warnings).
    /// Returns `false` for a duplicate slug, whose article must not be used.
    mutating func check(_ article: Article, into problems: inout [Diagnostic]) -> Bool {
        if let first = slugOwners[article.slug] {
            problems.append(Diagnostic(.error, path: article.path, line: 1, "duplicate slug '\(article.slug)': also \(first)"))
            return false
        }
        slugOwners[article.slug] = article.path
        for (name, line) in zip(article.names, article.nameLines + Array(repeating: 1, count: article.names.count)) {
            let key = name.lowercased()
            if let owner = nameOwners[key], owner.slug != article.slug {
                problems.append(Diagnostic(
                    .warning, path: article.path, line: line,
                    "name '\(name)' is also a name of '\(owner.slug)' (\(owner.path):\(owner.line)); searches for it return both"))
            } else if nameOwners[key] == nil {
                nameOwners[key] = (article.slug, article.path, line)
            }
        }
        return true
    }
}
