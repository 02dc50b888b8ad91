extension AskResult {
    /// The result's fields and the envelope's `id` and `ok`, as one object with sorted keys.
    func write(to json: inout JSONWriter, id: JSONValue?) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        try json.field("answers", answers)
        json.field("corrected", corrected)
        json.field("did_you_mean", didYouMean)
        if let dropped { json.field("dropped", dropped) }
        try json.field("id", id ?? .null)
        json.field("intent", intent)
        try json.field("interpreted_as", interpretedAs)
        json.field("ok", true)
        try json.field("suggestions", suggestions)
        json.field("took_us", tookMicroseconds)
        json.field("topic", topic)
        json.endObject()
    }
}

extension AskResult.Answer: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        try json.field("confidence", confidence)
        if let explain { try json.field("explain", explain) }
        try json.field("score", score)
        json.field("section", section)
        json.field("slug", slug)
        json.field("text", text)
        json.field("title", title)
        json.endObject()
    }
}

extension ArticleReference: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        json.field("slug", slug)
        json.field("title", title)
        json.endObject()
    }
}
