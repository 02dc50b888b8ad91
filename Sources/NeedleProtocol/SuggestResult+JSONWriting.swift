extension SuggestResult {
    /// The result's fields and the envelope's `id` and `ok`, as one object with sorted keys.
    func write(to json: inout JSONWriter, id: JSONValue?) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        try json.field("id", id ?? .null)
        json.field("ok", true)
        try json.field("suggestions", suggestions)
        json.field("took_us", tookMicroseconds)
        json.endObject()
    }
}

extension Suggestion: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("kind", kind)
        json.field("matched", matched)
        json.field("slug", slug)
        json.field("text", text)
        json.endObject()
    }
}
