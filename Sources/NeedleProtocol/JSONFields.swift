/// A protocol object's fields, in the order `JSONEncoder`'s `.sortedKeys` writes them: by
/// their keys' UTF-8 bytes. The table is declared in any order and sorted once.
///
/// ```swift
/// static let jsonFields: JSONFields<Suggestion> = [
///     JSONField(.text, \.text), JSONField(.slug, \.slug), JSONField(.kind, \.kind), JSONField(.matched, \.matched),
/// ]
/// ```
struct JSONFields<Object: JSONObject>: Sendable, ExpressibleByArrayLiteral {
    private let fields: [JSONField<Object>]
    /// The fields with the reply envelope's `id` and `ok` sorted in among them.
    private let replySlots: [ReplySlot]

    private enum ReplySlot: Sendable {
        case field(JSONField<Object>)
        case id
        case ok
    }

    init(arrayLiteral fields: JSONField<Object>...) {
        self.init(fields)
    }

    /// A table of `fields`, sorted here as the array literal's are.
    init(_ fields: [JSONField<Object>]) {
        self.fields = fields.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        precondition(!fields.contains { $0.name == "id" || $0.name == "ok" }, "`id` and `ok` belong to the reply envelope")
        let slots = self.fields.map { (name: $0.name, slot: ReplySlot.field($0)) } + [("id", .id), ("ok", .ok)]
        replySlots = slots.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }.map(\.slot)
    }

    /// These fields as fields of an `Outer` object that embeds this one, written inline
    /// (no nested object): how ``IndexInfo`` writes its ``IndexMeta`` beside its `path`.
    func inlined<Outer: JSONObject>(in outer: @escaping @Sendable (Outer) -> Object) -> [JSONField<Outer>] {
        fields.map { JSONField(inlining: $0, of: outer) }
    }

    /// `object` as a JSON object.
    func write(_ object: Object, to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        for field in fields { try field.write(object, to: &json) }
        json.endObject()
    }

    /// `object` as a whole reply line's object: its fields, the request's `id` and `"ok":true`.
    func writeReply(_ object: Object, id: JSONValue?, to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        for slot in replySlots {
            switch slot {
            case .field(let field): try field.write(object, to: &json)
            case .id: try json.field("id", id ?? .null)
            case .ok: try json.field("ok", true)
            }
        }
        json.endObject()
    }
}
