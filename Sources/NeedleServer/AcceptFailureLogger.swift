import Logging
import NIOCore
import NIOPosix

/// Logs why the listening socket cannot accept, before SwiftNIO's accept back-off swallows it.
///
/// When the process runs out of descriptors (`EMFILE`, or the system's `ENFILE`), `accept`
/// fails and SwiftNIO pauses accepting for a second; clients wait in the listen queue. The
/// connection limit is kept under the file limit (``FileLimit``), so this should not happen,
/// but when something else holds descriptors the log says so, at most once per interval.
final class AcceptFailureLogger: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Any

    private let logger: Logger
    private let interval: Duration
    private var lastLogged: ContinuousClock.Instant?

    init(logger: Logger, interval: Duration = .seconds(10)) {
        self.logger = logger
        self.interval = interval
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let error = error as? IOError, error.errnoCode == EMFILE || error.errnoCode == ENFILE {
            let now = ContinuousClock.now
            if lastLogged.map({ now - $0 >= interval }) ?? true {
                lastLogged = now
                logger.error("cannot accept connections: out of file descriptors; clients wait until some close", metadata: [
                    "reason": "\(error)", "hint": "raise ulimit -n or lower --max-connections",
                ])
            }
        }
        context.fireErrorCaught(error)
    }
}
