import NIOCore
@testable import NeedleServer

/// Replies for ``RequestHandler`` tests, in place of ``RequestDispatcher``: each line is its
/// own reply, at once, except the line `later`, whose reply waits until the test gives it.
final class ScriptedReplies {
    /// The replies still to give, oldest first.
    private(set) var pending: [EventLoopPromise<[UInt8]>] = []

    func reply(to frame: RequestFrame) -> RequestDispatcher.Reply {
        guard case .line(let bytes) = frame else { return .now(Array("too long\n".utf8)) }
        guard bytes == Array("later".utf8) else { return .now(bytes + [UInt8(ascii: "\n")]) }
        return .later { loop in
            let promise = loop.makePromise(of: [UInt8].self)
            self.pending.append(promise)
            return promise.futureResult
        }
    }

    /// Gives the oldest pending reply.
    func answer(_ text: String) {
        pending.removeFirst().succeed(Array(text.utf8) + [UInt8(ascii: "\n")])
    }

    /// Fails the oldest pending reply, as a reload that could not answer.
    func fail() {
        struct Failed: Error {}
        pending.removeFirst().fail(Failed())
    }
}
