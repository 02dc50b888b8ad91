import NeedleProtocol

/// How the daemon read a query, for people: `read "pci" as Microneedling (articles/microneedling.md)`.
struct InterpretationView {
    let interpretations: [Interpretation]

    var lines: [String] {
        interpretations.map { reading in
            "read \"\(reading.term)\" as \(reading.concept) (\(reading.via))" + (reading.ambiguous ? ", one of several meanings" : "")
        }
    }
}
