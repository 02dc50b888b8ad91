extension JSONValue: JSONWritable {
    func write(to json: inout JSONWriter) throws(JSONWriter.InvalidNumber) {
        switch self {
        case .null: json.null()
        case .bool(let flag): json.value(flag)
        case .int(let number): json.value(number)
        case .double(let number): try json.value(number)
        case .verbatimNumber(let text): json.number(verbatim: text)
        case .string(let text): json.value(text)
        case .array(let items): try json.array(items)
        case .object(let fields): try json.object(fields)
        }
    }
}
