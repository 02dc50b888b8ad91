/// One field of a protocol object on the wire: its key and how its value is written.
///
/// ```swift
/// JSONField<SearchHit>(.section, \.section)                  // "section":null when absent
/// JSONField<SearchHit>(.explain, omittedWhenNil: \.explain)  // no "explain" key when absent
/// ```
///
/// The key is the type's `CodingKeys` case, the one its `Decodable` conformance reads, so a
/// field's name is spelled once for writing and reading. Keys are plain ASCII names, written
/// without escaping.
final class JSONField<Object: JSONObject>: Sendable {
    /// A function that writes the field, given its key as `"name":`.
    private typealias Writer = @Sendable (Object, inout JSONWriter, [UInt8]) throws(JSONWriter.InvalidNumber) -> Void

    /// The key's text, by whose UTF-8 bytes ``JSONFields`` orders the fields.
    let name: String
    /// `"name":`, prepared once.
    private let quotedName: [UInt8]
    private let writer: Writer

    /// A field that is always written; an optional value is written `null` when absent.
    convenience init<Value: JSONWritable>(_ key: Object.CodingKeys, _ value: @escaping @Sendable (Object) -> Value) {
        self.init(key) { object, json, quotedName throws(JSONWriter.InvalidNumber) in
            json.key(quoted: quotedName)
            try value(object).write(to: &json)
        }
    }

    /// A field left out, key and all, when its value is absent.
    convenience init<Value: JSONWritable>(_ key: Object.CodingKeys, omittedWhenNil value: @escaping @Sendable (Object) -> Value?) {
        self.init(key) { object, json, quotedName throws(JSONWriter.InvalidNumber) in
            guard let present = value(object) else { return }
            json.key(quoted: quotedName)
            try present.write(to: &json)
        }
    }

    /// `field` of an embedded object, written as a field of `Object` itself, under its own key.
    init<Inner>(inlining field: JSONField<Inner>, of inner: @escaping @Sendable (Object) -> Inner) {
        name = field.name
        quotedName = field.quotedName
        writer = { object, json, _ throws(JSONWriter.InvalidNumber) in try field.write(inner(object), to: &json) }
    }

    private init(_ key: Object.CodingKeys, writer: @escaping Writer) {
        name = key.stringValue
        quotedName = Array("\"\(key.stringValue)\":".utf8)
        self.writer = writer
    }

    func write(_ object: Object, to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        try writer(object, &json, quotedName)
    }
}
