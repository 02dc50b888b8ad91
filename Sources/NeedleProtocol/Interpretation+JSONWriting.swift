extension Interpretation: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("ambiguous", ambiguous)
        json.field("concept", concept)
        json.field("term", term)
        json.field("via", via)
        json.endObject()
    }
}
