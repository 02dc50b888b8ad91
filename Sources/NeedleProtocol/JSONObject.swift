/// A protocol object written by hand from one table of its fields, ``jsonFields``, and read by
/// its `Decodable` conformance through the same `CodingKeys`.
///
/// A field added to a conforming type needs its `CodingKeys` case (its key on the wire) and its
/// line in ``jsonFields`` (whether it is `null` or left out when absent); the order is the
/// table's business. docs/architecture.md has the whole checklist.
protocol JSONObject: JSONWritable {
    associatedtype CodingKeys: CodingKey
    static var jsonFields: JSONFields<Self> { get }
}

extension JSONObject {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        try Self.jsonFields.write(self, to: &json)
    }
}
