extension SearchResult {
    /// The result's fields and the envelope's `id` and `ok`, as one object with sorted keys.
    func write(to json: inout JSONWriter, id: JSONValue?) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        json.field("corrected", corrected)
        json.field("did_you_mean", didYouMean)
        if let dropped { json.field("dropped", dropped) }
        json.field("expanded", expanded)
        if let explain { try json.field("explain", explain) }
        if let facets { try json.field("facets", facets) }
        try json.field("hits", hits)
        try json.field("id", id ?? .null)
        try json.field("interpreted_as", interpretedAs)
        json.field("ok", true)
        json.field("took_us", tookMicroseconds)
        json.field("total", total)
        json.endObject()
    }
}

extension SearchHit: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        if let explain { try json.field("explain", explain) }
        json.field("kind", kind)
        try json.field("score", score)
        json.field("section", section)
        json.field("slug", slug)
        json.field("snippet", snippet)
        json.field("title", title)
        json.endObject()
    }
}
