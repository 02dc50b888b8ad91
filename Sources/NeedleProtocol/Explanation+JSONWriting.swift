extension QueryExplanation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("formula", formula)
        json.field("match", match)
        json.endObject()
    }
}

extension ScoreExplanation: JSONWritable {
    /// `matched_name` and `passage_match` are left out when absent, as the synthesized `encode(to:)` does.
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        try json.field("bm25", bm25)
        try json.field("bm25_normalized", bm25Normalized)
        try json.field("fields", fields)
        try json.field("heading_match", headingMatch)
        if let matchedName { json.field("matched_name", matchedName) }
        try json.field("name_match", nameMatch)
        if let passageMatch { try json.field("passage_match", passageMatch) }
        try json.field("synonym_weight", synonymWeight)
        json.endObject()
    }
}
