import ArgumentParser

/// The `filter` of `search` and `ask`: only articles of one kind, or that list one concern.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only articles of this kind: treatment, concern, ingredient, procedure-care, guide.")
    var kind: String?

    @Option(help: "Only articles that list this concern, e.g. \"acne scars\".")
    var concern: String?
}
