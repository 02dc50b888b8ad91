/// A value that writes itself as JSON by hand, for ``Response/encodedLine()``.
///
/// Protocol objects conform through ``JSONObject``; the JSON scalars, optionals (`null` when
/// absent), arrays and string-keyed dictionaries conform below, so a ``JSONField`` can name any
/// property of those types. (`SendableMetatype`: a ``JSONField``'s writer, kept in a shared
/// `static let` table, is generic over the value's type.)
protocol JSONWritable: SendableMetatype {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber)
}

extension Bool: JSONWritable {
    func write(to json: inout JSONWriter) { json.value(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.value(self) }
}

extension Double: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) { try json.value(self) }
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.value(self) }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    /// The value, or `null` when there is none.
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        if let self { try self.write(to: &json) } else { json.null() }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) { try json.array(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) { try json.object(self) }
}
