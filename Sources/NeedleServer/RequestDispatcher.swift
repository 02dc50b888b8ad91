import Logging
import NeedleProtocol
import NeedleSearch

/// Answers one framed request: decodes it, runs its operation, encodes the response line.
/// Never throws: every failure becomes an `ok:false` response.
struct RequestDispatcher: Sendable {
    let indexes: IndexHolder
    let statistics: ServerStatistics
    let configuration: ServerConfiguration
    let logger: Logger

    func respond(to frame: RequestFrame) async -> [UInt8] {
        defer { statistics.requestAnswered() }
        switch frame {
        case .tooLong:
            let limit = configuration.maximumLineLength
            return Response.error(ProtocolError(.lineTooLong, "request line longer than \(limit) bytes")).encodedLine()
        case .line(let bytes):
            switch RequestDecoder.decode(bytes) {
            case .failure(let error):
                return Response.error(error).encodedLine()
            case .success(let request):
                return await respond(to: request).encodedLine()
            }
        }
    }

    private func respond(to request: Request) async -> Response {
        do {
            switch request.operation {
            case .search(let search):
                return .search(id: request.id, try await indexes.current.search(search))
            case .suggest(let suggest):
                return .suggest(id: request.id, indexes.current.suggest(suggest))
            case .ping:
                return .pong(id: request.id)
            case .stats:
                return .stats(id: request.id, StatsResult(
                    uptimeSeconds: statistics.uptimeSeconds, requests: statistics.requests,
                    connections: statistics.connections, index: indexes.current.info))
            case .reload:
                let index = try indexes.reload()
                logger.info("reloaded index", metadata: ["path": "\(index.path)", "digest": "\(index.meta.corpusDigest)"])
                return .reloaded(id: request.id, index.info)
            }
        } catch let error as SearchError {
            return .error(ProtocolError(id: request.id, .badRequest, error.description))
        } catch {
            logger.error("request failed", metadata: ["op": "\(request.operation.name)", "error": "\(error)"])
            return .error(ProtocolError(id: request.id, .internal, "\(error)"))
        }
    }
}
