import Logging
import NeedleProtocol
import NeedleSearch

/// Answers one framed request: decodes it, runs its operation under the request deadline,
/// encodes the response line and counts it. Never throws: every failure becomes an
/// `ok:false` response.
struct RequestDispatcher: Sendable {
    let indexes: IndexHolder
    let metrics: ServerMetrics
    let configuration: ServerConfiguration
    let logger: Logger

    func respond(to frame: RequestFrame) async -> [UInt8] {
        let clock = ContinuousClock()
        let start = clock.now
        let (operation, response) = await answer(frame)
        var failure: ErrorCode?
        if case .error(let error) = response { failure = error.code }
        metrics.record(operation: operation, microseconds: Int((clock.now - start) / .microseconds(1)), error: failure)
        return response.encodedLine()
    }

    /// The op name the request counts under, and its response.
    private func answer(_ frame: RequestFrame) async -> (String, Response) {
        switch frame {
        case .tooLong:
            let limit = configuration.maximumLineLength
            return ("invalid", .error(ProtocolError(.lineTooLong, "request line longer than \(limit) bytes")))
        case .line(let bytes):
            switch RequestDecoder.decode(bytes) {
            case .failure(let error):
                return ("invalid", .error(error))
            case .success(let request):
                return (request.operation.name, await respond(to: request))
            }
        }
    }

    private func respond(to request: Request) async -> Response {
        do {
            switch request.operation {
            case .search(let search):
                let index = indexes.current
                let result = try await RequestDeadline.run(within: configuration.requestTimeout) {
                    try await index.search(search)
                }
                return .search(id: request.id, result)
            case .ask(let ask):
                let index = indexes.current
                let result = try await RequestDeadline.run(within: configuration.requestTimeout) {
                    try await index.ask(ask)
                }
                return .ask(id: request.id, result)
            case .suggest(let suggest):
                return .suggest(id: request.id, indexes.current.suggest(suggest))
            case .ping:
                return .pong(id: request.id)
            case .stats:
                return .stats(id: request.id, statistics())
            case .reload:
                return .reloaded(id: request.id, try await indexes.reload(trigger: "op").info)
            case .metrics:
                return .metrics(id: request.id, prometheus: metrics.prometheusText(index: indexes.current.info))
            }
        } catch let error as SearchError {
            return .error(ProtocolError(id: request.id, .badRequest, error.description))
        } catch is RequestDeadline.Exceeded {
            let limit = configuration.requestTimeout
            logger.warning("request timed out", metadata: ["op": "\(request.operation.name)", "limit": "\(limit)"])
            return .error(ProtocolError(id: request.id, .timeout, "the request ran longer than \(limit) and was interrupted"))
        } catch {
            logger.error("request failed", metadata: ["op": "\(request.operation.name)", "error": "\(error)"])
            return .error(ProtocolError(id: request.id, .internal, "\(error)"))
        }
    }

    private func statistics() -> StatsResult {
        StatsResult(
            uptimeSeconds: metrics.uptimeSeconds, requests: metrics.requests, connections: metrics.connectionsOpen.value,
            index: indexes.current.info, errors: metrics.errors, connectionsTotal: metrics.connectionsTotal.value,
            connectionsRefused: metrics.connectionsRefused.value, reloads: metrics.reloads.value,
            reloadFailures: metrics.reloadFailures.value, ops: metrics.operationStatistics)
    }
}
