extension StatsResult {
    /// The result's fields and the envelope's `id` and `ok`, as one object with sorted keys;
    /// the optional counters are left out when absent, as their synthesized `encode(to:)` does.
    func write(to json: inout JSONWriter, id: JSONValue?) throws(JSONWriter.InvalidNumber) {
        json.beginObject()
        json.field("connections", connections)
        if let connectionsRefused { json.field("connections_refused", connectionsRefused) }
        if let connectionsTotal { json.field("connections_total", connectionsTotal) }
        if let errors { json.field("errors", errors) }
        try json.field("id", id ?? .null)
        try json.field("index", index)
        json.field("ok", true)
        if let ops { try json.field("ops", ops) }
        if let reloadFailures { json.field("reload_failures", reloadFailures) }
        if let reloads { json.field("reloads", reloads) }
        json.field("requests", requests)
        try json.field("uptime_s", uptimeSeconds)
        json.endObject()
    }
}

extension IndexInfo: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("articles", articles)
        json.field("built_at", builtAt)
        json.field("corpus_digest", corpusDigest)
        json.field("passages", passages)
        json.field("path", path)
        json.field("schema_version", schemaVersion)
        json.field("synonyms", synonyms)
        json.endObject()
    }
}

extension OperationStats: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("errors", errors)
        json.field("p50_us", p50Microseconds)
        json.field("p90_us", p90Microseconds)
        json.field("p99_us", p99Microseconds)
        json.field("requests", requests)
        json.endObject()
    }
}
