"""``Client``: the blocking client."""

import time
from typing import Any, List, Optional

from . import wire
from .connection import Connection
from .errors import ConnectionClosedError, DaemonError, NeedleError
from .replies import AskResult, MetricsResult, ReloadResult, SearchResult, StatsResult, SuggestResult
from .socket_path import default_socket_path


class _Stale(Exception):
    """A reused connection turned out closed (the daemon restarted or timed it out)."""


class Client:
    """A blocking client for ``needled``, keeping one connection open between calls.

    >>> with Client() as needle:                       # the daemon's default socket
    ...     answer = needle.ask("how long is skin red after microneedling?").answers[0]
    ...     print(answer.title, answer.section, answer.confidence)

    A connection the daemon closed since the last call (a restart, its idle timeout) is reopened
    and the call sent again once. ``timeout`` bounds each call, in seconds. The daemon must run as
    this user (or ``expected_uid`` when given) or as root, checked with ``SO_PEERCRED``. Not thread-safe:
    use one client per thread, or ``AsyncClient``.
    """

    def __init__(self, socket_path: Optional[str] = None, timeout: float = 10.0,
                 expected_uid: Optional[int] = None) -> None:
        self.socket_path = socket_path or default_socket_path()
        self.timeout = timeout
        self.expected_uid = expected_uid
        self._connection: Optional[Connection] = None
        self._next_id = 1

    def search(self, query: str, limit: int = 10, offset: int = 0, facets: bool = False, explain: bool = False,
               **filters: str) -> SearchResult:
        """Ranked articles for ``query``; ``filters`` are ``kind=`` and ``concern=``."""
        return self._run([wire.search(query, limit, offset, facets, explain, **filters)])[0]

    def suggest(self, prefix: str, limit: int = 8) -> SuggestResult:
        """Articles whose title, alias or concern completes ``prefix``."""
        return self._run([wire.suggest(prefix, limit)])[0]

    def ask(self, question: str, limit: int = 3, min_confidence: Optional[float] = None, explain: bool = False,
            **filters: str) -> AskResult:
        """The passages that best answer ``question``, each with a confidence from 0 to 1."""
        return self._run([wire.ask(question, limit, min_confidence, explain, **filters)])[0]

    def ping(self) -> None:
        """Returns when the daemon answers; raises ``NeedleError`` otherwise."""
        self._run([wire.ping()])

    def stats(self) -> StatsResult:
        return self._run([wire.stats()])[0]

    def reload(self) -> ReloadResult:
        """Makes the daemon reopen its index file."""
        return self._run([wire.reload()])[0]

    def metrics(self) -> MetricsResult:
        return self._run([wire.metrics()])[0]

    def pipeline(self) -> "Pipeline":
        """A batch of requests sent together and answered in order, in one round trip.

        >>> batch = needle.pipeline()
        >>> batch.search("acne scars").suggest("micron").ask("does retinol help?")
        >>> hits, suggestions, answers = batch.execute()
        """
        return Pipeline(self)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *_: Any) -> None:
        self.close()

    def _run(self, calls: List[wire.Call[Any]], raise_errors: bool = True) -> List[Any]:
        reused = self._connection is not None
        try:
            outcomes = self._exchange(calls)
        except _Stale:
            if not reused:
                raise ConnectionClosedError("the daemon closed the connection before answering") from None
            outcomes = self._exchange(calls)
        if raise_errors:
            for outcome in outcomes:
                if isinstance(outcome, NeedleError):
                    raise outcome
        return outcomes

    def _exchange(self, calls: List[wire.Call[Any]]) -> List[Any]:
        if self._connection is None:
            self._connection = Connection(self.socket_path, self.timeout, self.expected_uid)
        first_id = self._next_id
        self._next_id += len(calls)
        payload = b"".join(call.line(first_id + i) for i, call in enumerate(calls))
        try:
            lines = self._connection.exchange(payload, len(calls), time.monotonic() + self.timeout)
            replies = [wire.parse_line(line) for line in lines]
        except BaseException:
            self.close()  # replies still on their way would answer the wrong calls
            raise
        notices = [reply for reply in replies if wire.is_closing_notice(reply)]
        if notices or len(replies) < len(calls):
            self.close()
            if notices and notices[0]["error"]["code"] != "idle_timeout":
                wire.raise_if_error(notices[0])
            raise _Stale()
        return [self._outcome(call, reply, first_id + i) for i, (call, reply) in enumerate(zip(calls, replies))]

    def _outcome(self, call: wire.Call[Any], reply: Any, request_id: int) -> Any:
        if reply.get("id") != request_id:
            self.close()
            wire.raise_if_error(reply)
            raise ConnectionClosedError(f"the daemon answered id {reply.get('id')!r} where {request_id} was due")
        try:
            return call.result(reply)
        except DaemonError as error:
            return error


class Pipeline:
    """Requests collected to be sent at once by ``execute``; each method returns the pipeline."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._calls: List[wire.Call[Any]] = []

    def search(self, query: str, limit: int = 10, offset: int = 0, facets: bool = False, explain: bool = False,
               **filters: str) -> "Pipeline":
        return self._add(wire.search(query, limit, offset, facets, explain, **filters))

    def suggest(self, prefix: str, limit: int = 8) -> "Pipeline":
        return self._add(wire.suggest(prefix, limit))

    def ask(self, question: str, limit: int = 3, min_confidence: Optional[float] = None, explain: bool = False,
            **filters: str) -> "Pipeline":
        return self._add(wire.ask(question, limit, min_confidence, explain, **filters))

    def ping(self) -> "Pipeline":
        return self._add(wire.ping())

    def stats(self) -> "Pipeline":
        return self._add(wire.stats())

    def execute(self, raise_errors: bool = True) -> List[Any]:
        """Sends every request, then returns the results in order.

        With ``raise_errors=False`` a request the daemon refused has its ``DaemonError`` in its
        place instead of being raised (the other results are kept).
        """
        calls, self._calls = self._calls, []
        return self._client._run(calls, raise_errors) if calls else []

    def _add(self, call: wire.Call[Any]) -> "Pipeline":
        self._calls.append(call)
        return self
