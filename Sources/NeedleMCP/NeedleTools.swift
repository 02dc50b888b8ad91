import Foundation
import MCP
import NeedleClient
import NeedleProtocol

/// The MCP tools `search`, `ask` and `suggest`: their JSON schemas, and each call answered by the
/// daemon through ``NeedleClient`` as a JSON text an agent can cite (slug, title, section,
/// confidence, `interpreted_as`, and the article's `needle://articles/<slug>` resource).
public struct NeedleTools: Sendable {
    let client: NeedleClient

    public init(client: NeedleClient) {
        self.client = client
    }

    /// The tools as `tools/list` shows them.
    public static let tools: [Tool] = [
        Tool(
            name: "ask",
            description: "Answer a skincare question with the passages of the knowledge base that answer it, best first. "
                + "Each answer has its article (slug, title), section and a confidence from 0 to 1: at 0.8 or more the "
                + "section squarely answers the question; below 0.5 the knowledge base probably has no answer, and "
                + "`suggestions` lists articles to read instead. Quote the passage and cite its article and section.",
            inputSchema: schema(
                required: "question", "The question as the user asked it, e.g. \"How long is skin red after microneedling?\"",
                limit: "How many answers (1–20, default 3)."),
            annotations: .init(readOnlyHint: true, openWorldHint: false)),
        Tool(
            name: "search",
            description: "Find skincare articles by symptom, treatment, ingredient or term (synonyms and typos are handled). "
                + "Returns ranked articles with the best-matching section and a snippet, matches in [brackets].",
            inputSchema: schema(required: "query", "What to look for, e.g. \"dark spots\" or \"PCI\".", limit: "How many articles (1–100, default 10)."),
            annotations: .init(readOnlyHint: true, openWorldHint: false)),
        Tool(
            name: "suggest",
            description: "Complete a partly typed name to article titles, aliases and concerns (autocomplete).",
            inputSchema: schema(required: "prefix", "What was typed so far, e.g. \"micron\".", limit: "How many suggestions (1–50, default 8)."),
            annotations: .init(readOnlyHint: true, openWorldHint: false)),
    ]

    /// Answers a `tools/call`. Bad arguments and an unreachable daemon are tool errors (`isError`),
    /// with a message the agent can show.
    public func call(_ name: String, arguments: [String: Value]?) async -> CallTool.Result {
        do {
            let reply: Value
            switch name {
            case "ask":
                let request = AskRequest(question: try text("question", arguments), limit: try limit(arguments, default: 3))
                reply = ToolReplies.ask(try await client.ask(request))
            case "search":
                let request = SearchRequest(query: try text("query", arguments), limit: try limit(arguments, default: 10))
                reply = ToolReplies.search(try await client.search(request))
            case "suggest":
                let prefix = try text("prefix", arguments)
                reply = ToolReplies.suggest(try await client.suggest(prefix, limit: try limit(arguments, default: SuggestRequest.defaultLimit)))
            default:
                return failure("unknown tool '\(name)' (known: ask, search, suggest)")
            }
            return CallTool.Result(content: [.text(text: try ToolReplies.json(reply), annotations: nil, _meta: nil)], structuredContent: .some(reply))
        } catch let error as ClientError {
            if case .noDaemon = error { return failure("the Needle daemon is not running: \(error)") }
            return failure("the Needle daemon refused the request: \(error)")
        } catch let error as UntrustedDaemon {
            return failure("not asking the process on the socket: \(error)")
        } catch {
            return failure("\(error)")
        }
    }

    private func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }

    private func text(_ key: String, _ arguments: [String: Value]?) throws -> String {
        guard let value = arguments?[key]?.stringValue else { throw ToolArgumentError("argument '\(key)' (a string) is required") }
        return value
    }

    private func limit(_ arguments: [String: Value]?, default fallback: Int) throws -> Int {
        guard let value = arguments?["limit"], value != .null else { return fallback }
        guard let limit = value.intValue ?? value.doubleValue.flatMap({ $0 == $0.rounded() ? Int(exactly: $0) : nil }), limit >= 1 else {
            throw ToolArgumentError("argument 'limit' must be a whole number of at least 1")
        }
        return limit
    }

    private static func schema(required key: String, _ description: String, limit: String) -> Value {
        .object([
            "type": "object",
            "properties": .object([
                key: .object(["type": "string", "description": .string(description)]),
                "limit": .object(["type": "integer", "minimum": 1, "description": .string(limit)]),
            ]),
            "required": .array([.string(key)]),
            "additionalProperties": false,
        ])
    }
}

/// A tool argument is missing or of the wrong type.
struct ToolArgumentError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
