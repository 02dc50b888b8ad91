extension Facets: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        try json.field("concern", concern)
        try json.field("kind", kind)
        json.endObject()
    }
}

extension Facets.Count: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("count", count)
        json.field("value", value)
        json.endObject()
    }
}
