/// What `stats` and `reload` say about the index being served: its file and its meta, one
/// flat object on the wire.
///
/// ```swift
/// IndexInfo(path: "Index/needle.sqlite", meta: meta)
/// // {"articles":120,"built_at":"…","corpus_digest":"…","passages":900,"path":"Index/needle.sqlite",…}
/// ```
public struct IndexInfo: Sendable, Hashable, Decodable {
    public var path: String
    public var meta: IndexMeta

    public init(path: String, meta: IndexMeta) {
        self.path = path
        self.meta = meta
    }

    public init(from decoder: any Decoder) throws {
        path = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .path)
        meta = try IndexMeta(from: decoder)
    }

    enum CodingKeys: String, CodingKey {
        case path
    }
}

extension IndexInfo: JSONObject {
    static let jsonFields = JSONFields<IndexInfo>(
        [JSONField(.path, \.path)] + IndexMeta.jsonFields.inlined { $0.meta })
}
