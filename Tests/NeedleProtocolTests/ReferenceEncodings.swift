import Foundation
@testable import NeedleProtocol

// The wire form of each result type as `Encodable`, for ``ReferenceResponseEncoder``: what
// `JSONEncoder` writes from these is what clients have always read. Written out here, apart from
// the types' `jsonFields`, so that a field missing from a table, or written `null` where the
// reference leaves it out (or the other way round), fails `ResponseEncodingTests`.

extension SearchResult: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tookMicroseconds, forKey: .tookMicroseconds)
        try container.encode(total, forKey: .total)
        try container.encode(hits, forKey: .hits)
        try container.encode(expanded, forKey: .expanded)
        try container.encode(interpretedAs, forKey: .interpretedAs)
        try container.encodeIfPresent(dropped, forKey: .dropped)
        try container.encode(didYouMean, forKey: .didYouMean)
        try container.encode(corrected, forKey: .corrected)
        try container.encodeIfPresent(facets, forKey: .facets)
        try container.encodeIfPresent(explain, forKey: .explain)
    }
}

extension SearchHit: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encode(title, forKey: .title)
        try container.encode(kind, forKey: .kind)
        try container.encode(score, forKey: .score)
        try container.encode(section, forKey: .section)
        try container.encode(snippet, forKey: .snippet)
        try container.encodeIfPresent(explain, forKey: .explain)
    }
}

extension AskResult: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tookMicroseconds, forKey: .tookMicroseconds)
        try container.encode(answers, forKey: .answers)
        try container.encode(intent, forKey: .intent)
        try container.encode(topic, forKey: .topic)
        try container.encode(interpretedAs, forKey: .interpretedAs)
        try container.encodeIfPresent(dropped, forKey: .dropped)
        try container.encode(didYouMean, forKey: .didYouMean)
        try container.encode(corrected, forKey: .corrected)
        try container.encode(suggestions, forKey: .suggestions)
    }
}

extension AskResult.Answer: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encode(title, forKey: .title)
        try container.encode(section, forKey: .section)
        try container.encode(text, forKey: .text)
        try container.encode(score, forKey: .score)
        try container.encode(confidence, forKey: .confidence)
        try container.encodeIfPresent(explain, forKey: .explain)
    }
}

extension ArticleReference: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(slug, forKey: .slug)
        try container.encode(title, forKey: .title)
    }
}

extension QueryExplanation: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(match, forKey: .match)
        try container.encode(formula, forKey: .formula)
    }
}

extension ScoreExplanation: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(bm25, forKey: .bm25)
        try container.encode(bm25Normalized, forKey: .bm25Normalized)
        try container.encode(fields, forKey: .fields)
        try container.encode(nameMatch, forKey: .nameMatch)
        try container.encodeIfPresent(matchedName, forKey: .matchedName)
        try container.encode(synonymWeight, forKey: .synonymWeight)
        try container.encode(headingMatch, forKey: .headingMatch)
        try container.encodeIfPresent(passageMatch, forKey: .passageMatch)
    }
}

extension Facets: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(concern, forKey: .concern)
    }
}

extension Facets.Count: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(count, forKey: .count)
    }
}

extension Interpretation: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(term, forKey: .term)
        try container.encode(concept, forKey: .concept)
        try container.encode(via, forKey: .via)
        try container.encode(ambiguous, forKey: .ambiguous)
    }
}

extension SuggestResult: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tookMicroseconds, forKey: .tookMicroseconds)
        try container.encode(suggestions, forKey: .suggestions)
    }
}

extension Suggestion: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(slug, forKey: .slug)
        try container.encode(kind, forKey: .kind)
        try container.encode(matched, forKey: .matched)
    }
}

extension StatsResult: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uptimeSeconds, forKey: .uptimeSeconds)
        try container.encode(requests, forKey: .requests)
        try container.encode(connections, forKey: .connections)
        try container.encode(index, forKey: .index)
        try container.encodeIfPresent(errors, forKey: .errors)
        try container.encodeIfPresent(connectionsTotal, forKey: .connectionsTotal)
        try container.encodeIfPresent(connectionsRefused, forKey: .connectionsRefused)
        try container.encodeIfPresent(reloads, forKey: .reloads)
        try container.encodeIfPresent(reloadFailures, forKey: .reloadFailures)
        try container.encodeIfPresent(ops, forKey: .ops)
        try container.encodeIfPresent(resultCache, forKey: .resultCache)
    }
}

extension CacheStats: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(entries, forKey: .entries)
        try container.encode(hits, forKey: .hits)
        try container.encode(misses, forKey: .misses)
        try container.encode(hitRate, forKey: .hitRate)
    }
}

extension IndexInfo: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try meta.encode(to: encoder)
    }
}

extension IndexMeta: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(corpusDigest, forKey: .corpusDigest)
        try container.encode(builtAt, forKey: .builtAt)
        try container.encode(articles, forKey: .articles)
        try container.encode(passages, forKey: .passages)
        try container.encode(synonyms, forKey: .synonyms)
    }
}

extension OperationStats: Encodable {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(requests, forKey: .requests)
        try container.encode(errors, forKey: .errors)
        try container.encode(p50Microseconds, forKey: .p50Microseconds)
        try container.encode(p90Microseconds, forKey: .p90Microseconds)
        try container.encode(p99Microseconds, forKey: .p99Microseconds)
    }
}
