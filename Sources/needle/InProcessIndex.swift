import ArgumentParser
import NeedleProtocol
import NeedleSearch

/// Answers a request straight from an index file, as the daemon would: the same reply line,
/// a bad request as an `ok:false` line, any other failure as a one-line error and exit 1.
enum InProcessIndex {
    static func reply(path: String, _ answer: (SearchIndex) throws -> Response) throws -> String {
        let response: Response
        do {
            response = try answer(SearchIndex.open(path: path, readers: 1))
        } catch let error as SearchError {
            response = .error(error.protocolError(id: .int(1)))
        } catch {
            printError("needle: \(error)")
            throw ExitCode.failure
        }
        return String(decoding: response.encodedLine().dropLast(), as: UTF8.self)
    }
}
