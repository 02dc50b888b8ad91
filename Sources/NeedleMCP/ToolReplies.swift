import Foundation
import MCP
import NeedleProtocol

/// The daemon's replies reshaped for agents: what to quote and what to cite, nothing else.
enum ToolReplies {
    /// The URI of an article's resource.
    static func uri(_ slug: String) -> Value { .string(ArticleResources.uriPrefix + slug) }

    static func ask(_ result: AskResult) -> Value {
        .object([
            "answers": .array(result.answers.map { answer in
                .object([
                    "slug": .string(answer.slug), "title": .string(answer.title), "section": optional(answer.section),
                    "text": .string(answer.text), "confidence": .double(answer.confidence), "uri": uri(answer.slug),
                ])
            }),
            "intent": optional(result.intent),
            "topic": .string(result.topic),
            "interpreted_as": interpretations(result.interpretedAs),
            "did_you_mean": optional(result.didYouMean),
            "suggestions": .array(result.suggestions.map { .object(["slug": .string($0.slug), "title": .string($0.title), "uri": uri($0.slug)]) }),
        ])
    }

    static func search(_ result: SearchResult) -> Value {
        .object([
            "total": .int(result.total),
            "hits": .array(result.hits.map { hit in
                .object([
                    "slug": .string(hit.slug), "title": .string(hit.title), "kind": .string(hit.kind),
                    "section": optional(hit.section), "snippet": .string(hit.snippet), "uri": uri(hit.slug),
                ])
            }),
            "interpreted_as": interpretations(result.interpretedAs),
            "did_you_mean": optional(result.didYouMean),
        ])
    }

    static func suggest(_ result: SuggestResult) -> Value {
        .object([
            "suggestions": .array(result.suggestions.map { suggestion in
                .object([
                    "slug": .string(suggestion.slug), "title": .string(suggestion.text), "kind": .string(suggestion.kind),
                    "matched": .string(suggestion.matched), "uri": uri(suggestion.slug),
                ])
            })
        ])
    }

    /// The reply as JSON text, keys sorted, for the tool's text content.
    static func json(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func interpretations(_ list: [Interpretation]) -> Value {
        .array(list.map { .object(["term": .string($0.term), "concept": .string($0.concept), "via": .string($0.via), "ambiguous": .bool($0.ambiguous)]) })
    }

    private static func optional(_ text: String?) -> Value {
        text.map(Value.string) ?? .null
    }
}
