/// Turns one request line into a ``Request`` or a ``ProtocolError`` that says what is wrong.
///
/// ```swift
/// switch RequestDecoder.decode(Array(#"{"id":1,"op":"ping"}"#.utf8)) {
/// case .success(let request): …
/// case .failure(let error): …   // error.id is the request's id when it could be read
/// }
/// ```
public enum RequestDecoder {
    /// The request on `line` (its newline removed), or the error to answer it with.
    ///
    /// The JSON is read by hand (``JSONReader``), accepting and rejecting exactly what Foundation's
    /// `JSONDecoder` did before, with the same values and messages; lines that look UTF-16 or
    /// UTF-32 encoded are still left to `JSONDecoder` (``LegacyJSON``).
    public static func decode(_ line: [UInt8]) -> Result<Request, ProtocolError> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(ProtocolError(.badUTF8, "the request is not valid UTF-8"))
        }
        let parsed = LegacyJSON.mayBeWideEncoded(line) ? LegacyJSON.value(of: line).map { ($0, nil) } : try? JSONReader.request(of: line)
        guard let (value, idText) = parsed else {
            return .failure(ProtocolError(.badJSON, "the request is not valid JSON"))
        }
        return request(from: value, idText: idText)
    }

    /// The request a JSON value already read asks for, checked as a line holding it would be
    /// (``Request/jsonObject`` gives the value of a ``Request``), or the error to answer it with.
    public static func decode(value: JSONValue) -> Result<Request, ProtocolError> {
        request(from: value)
    }

    /// The id a reply echoes: a number exactly as the request wrote it (`idText`) when the
    /// value read from it would be written otherwise (`1.0` read as 1, `-0` as 0,
    /// `12345678901234567890` as a `Double`).
    static func echoed(_ id: JSONValue?, idText: String?) -> JSONValue? {
        guard let id, let idText else { return id }
        var written = JSONWriter(capacity: idText.utf8.count)
        guard (try? id.write(to: &written)) != nil, written.finishLine().dropLast().elementsEqual(idText.utf8) else {
            return .verbatimNumber(idText)
        }
        return id
    }

    /// The request a JSON value asks for: it must be an object with a known `op` and fields of
    /// the right types and ranges.
    static func request(from value: JSONValue, idText: String? = nil) -> Result<Request, ProtocolError> {
        guard case .object(let fields) = value else {
            return .failure(ProtocolError(.badRequest, "a request must be a JSON object, got \(value.typeName)"))
        }
        let id = echoed(fields["id"], idText: idText)
        do {
            return .success(Request(id: id, operation: try operation(fields)))
        } catch var error as ProtocolError {
            error.id = id
            return .failure(error)
        } catch {
            return .failure(ProtocolError(id: id, .internal, "\(error)"))
        }
    }

    private static func operation(_ fields: [String: JSONValue]) throws -> Operation {
        guard let op = fields["op"] else { throw ProtocolError(.badRequest, "missing field 'op'") }
        guard case .string(let name) = op else { throw ProtocolError(.badRequest, "field 'op' must be a string, got \(op.typeName)") }
        let reader = FieldReader(fields: fields)
        switch name {
        case "search":
            let query = try reader.string("q")
            let limit = try reader.integer("limit", default: 10, range: 0...Int.max)
            let offset = try reader.integer("offset", default: 0, range: 0...SearchRequest.maximumOffset)
            return .search(SearchRequest(
                query: query, limit: min(limit, SearchRequest.maximumLimit), offset: offset,
                kind: try reader.filterString("kind"), concern: try reader.filterString("concern"),
                facets: try reader.boolean("facets"), explain: try reader.boolean("explain")))
        case "ask":
            let question = try reader.string("q")
            let limit = try reader.integer("limit", default: 3, range: 0...Int.max)
            return .ask(AskRequest(
                question: question, limit: min(limit, AskRequest.maximumLimit),
                minimumConfidence: try reader.fraction("min_confidence"),
                kind: try reader.filterString("kind"), concern: try reader.filterString("concern"),
                explain: try reader.boolean("explain")))
        case "suggest":
            let query = try reader.string("q")
            let limit = try reader.integer("limit", default: SuggestRequest.defaultLimit, range: 0...Int.max)
            return .suggest(SuggestRequest(query: query, limit: min(limit, SuggestRequest.maximumLimit)))
        case "ping": return .ping
        case "stats": return .stats
        case "reload": return .reload
        case "metrics": return .metrics
        default:
            throw ProtocolError(.unknownOp, "unknown op '\(name)' (known: search, suggest, ask, ping, stats, reload, metrics)")
        }
    }
}

/// Reads typed fields of a request object, with messages that name the field.
private struct FieldReader {
    let fields: [String: JSONValue]

    func string(_ name: String) throws -> String {
        guard let value = fields[name] else { throw ProtocolError(.badRequest, "missing field '\(name)'") }
        guard case .string(let text) = value else {
            throw ProtocolError(.badRequest, "field '\(name)' must be a string, got \(value.typeName)")
        }
        return text
    }

    func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value = fields[name], value != .null else { return fallback }
        let number: Int
        switch value {
        case .int(let int) where int >= Int64(Int.min) && int <= Int64(Int.max):
            number = Int(int)
        case .double(let double) where double.rounded() == double && abs(double) < 1e15:
            number = Int(double)
        default:
            throw ProtocolError(.badRequest, "field '\(name)' must be an integer, got \(value.typeName)")
        }
        guard range.contains(number) else {
            let upper = range.upperBound == Int.max ? "" : " and \(range.upperBound)"
            throw ProtocolError(.badRequest, "field '\(name)' must be between \(range.lowerBound)\(upper)")
        }
        return number
    }

    func boolean(_ name: String) throws -> Bool {
        guard let value = fields[name], value != .null else { return false }
        guard case .bool(let flag) = value else {
            throw ProtocolError(.badRequest, "field '\(name)' must be true or false, got \(value.typeName)")
        }
        return flag
    }

    /// A number between 0 and 1 (0 when absent).
    func fraction(_ name: String) throws -> Double {
        guard let value = fields[name], value != .null else { return 0 }
        let number: Double
        switch value {
        case .int(let int): number = Double(int)
        case .double(let double): number = double
        default: throw ProtocolError(.badRequest, "field '\(name)' must be a number, got \(value.typeName)")
        }
        guard number >= 0 && number <= 1 else { throw ProtocolError(.badRequest, "field '\(name)' must be between 0 and 1") }
        return number
    }

    func filterString(_ name: String) throws -> String? {
        guard let filter = fields["filter"], filter != .null else { return nil }
        guard case .object(let filterFields) = filter else {
            throw ProtocolError(.badRequest, "field 'filter' must be an object, got \(filter.typeName)")
        }
        guard let value = filterFields[name], value != .null else { return nil }
        guard case .string(let text) = value else {
            throw ProtocolError(.badRequest, "field 'filter.\(name)' must be a string, got \(value.typeName)")
        }
        return text
    }
}
