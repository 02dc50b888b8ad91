/// Checks that need the whole corpus rather than one file.
enum CorpusValidator {
    /// Duplicate slugs (errors) and names shared by two articles (warnings).
    static func crossArticleProblems(_ articles: [Article]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var slugOwners: [String: Article] = [:]
        var nameOwners: [String: (article: Article, line: Int)] = [:]
        for article in articles {
            if let first = slugOwners[article.slug] {
                problems.append(Diagnostic(.error, path: article.path, line: 1, "duplicate slug '\(article.slug)': also \(first.path)"))
                continue
            }
            slugOwners[article.slug] = article
            for (name, line) in zip(article.names, article.nameLines + Array(repeating: 1, count: article.names.count)) {
                let key = name.lowercased()
                if let owner = nameOwners[key], owner.article.slug != article.slug {
                    problems.append(Diagnostic(
                        .warning, path: article.path, line: line,
                        "name '\(name)' is also a name of '\(owner.article.slug)' (\(owner.article.path):\(owner.line)); searches for it return both"))
                } else if nameOwners[key] == nil {
                    nameOwners[key] = (article, line)
                }
            }
        }
        return problems
    }
}
