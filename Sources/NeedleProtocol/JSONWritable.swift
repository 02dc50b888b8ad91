/// A protocol value that writes itself as JSON by hand, for ``Response/encodedLine()``.
///
/// Conformers write exactly what their `Encodable` conformance gives under `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`: keys sorted by UTF-8 bytes, `null` where
/// `encode(to:)` encodes a nil optional, nothing where it uses `encodeIfPresent`.
/// `ResponseEncodingTests` compares the two byte for byte.
protocol JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber)
}
