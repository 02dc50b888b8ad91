"""``AsyncClient``: the asyncio client."""

import asyncio
import collections
import socket
from typing import Any, Deque, Optional, Tuple

from . import wire
from .errors import ClientTimeoutError, ConnectionClosedError, DaemonError, NeedleError, NoDaemonError
from .peer import check_peer
from .replies import AskResult, MetricsResult, ReloadResult, SearchResult, StatsResult, SuggestResult
from .socket_path import default_socket_path


class _Stale(Exception):
    """A reused connection turned out closed (the daemon restarted or timed it out)."""


class _Session:
    """One open connection: a writer, and a reader task that hands each reply line to the oldest
    waiting call (replies come in request order)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.waiting: Deque[Tuple[int, "asyncio.Future[Any]"]] = collections.deque()
        self.closed = False
        self.used = False
        self._task = asyncio.ensure_future(self._read(reader))

    async def _read(self, reader: asyncio.StreamReader) -> None:
        failure: BaseException = _Stale()
        try:
            while True:
                line = await reader.readline()
                if not line.endswith(b"\n"):
                    break
                reply = wire.parse_line(line)
                if wire.is_closing_notice(reply):
                    if reply["error"]["code"] != "idle_timeout":
                        failure = DaemonError(reply["error"]["code"], str(reply["error"].get("message", "")))
                    break
                _, future = self.waiting.popleft()
                if not future.done():
                    future.set_result(reply)
        except (NeedleError, OSError, IndexError, ValueError) as error:
            failure = error if isinstance(error, NeedleError) else _Stale()
        finally:
            self.close()
            while self.waiting:
                _, future = self.waiting.popleft()
                if not future.done():
                    future.set_exception(failure)

    def close(self) -> None:
        self.closed = True
        self.writer.close()


class AsyncClient:
    """An asyncio client for ``needled``. Calls made concurrently share one connection and are
    pipelined: each is sent at once and answered in order.

    >>> async with AsyncClient() as needle:
    ...     hits, answers = await asyncio.gather(needle.search("acne scars"), needle.ask("does PCI hurt?"))

    As with ``Client``: a connection the daemon closed since it was last used is reopened and
    the call sent again once; ``timeout`` bounds each call; the peer's user is checked.
    """

    def __init__(self, socket_path: Optional[str] = None, timeout: float = 10.0,
                 expected_uid: Optional[int] = None) -> None:
        self.socket_path = socket_path or default_socket_path()
        self.timeout = timeout
        self.expected_uid = expected_uid
        self._session: Optional[_Session] = None
        self._connecting: Optional[asyncio.Lock] = None  # made in the loop that uses it (Python 3.9)
        self._next_id = 1

    async def search(self, query: str, limit: int = 10, offset: int = 0, facets: bool = False,
                     explain: bool = False, **filters: str) -> SearchResult:
        """Ranked articles for ``query``; ``filters`` are ``kind=`` and ``concern=``."""
        return await self._run(wire.search(query, limit, offset, facets, explain, **filters))

    async def suggest(self, prefix: str, limit: int = 8) -> SuggestResult:
        """Articles whose title, alias or concern completes ``prefix``."""
        return await self._run(wire.suggest(prefix, limit))

    async def ask(self, question: str, limit: int = 3, min_confidence: Optional[float] = None,
                  explain: bool = False, **filters: str) -> AskResult:
        """The passages that best answer ``question``, each with a confidence from 0 to 1."""
        return await self._run(wire.ask(question, limit, min_confidence, explain, **filters))

    async def ping(self) -> None:
        """Returns when the daemon answers; raises ``NeedleError`` otherwise."""
        await self._run(wire.ping())

    async def stats(self) -> StatsResult:
        return await self._run(wire.stats())

    async def reload(self) -> ReloadResult:
        """Makes the daemon reopen its index file."""
        return await self._run(wire.reload())

    async def metrics(self) -> MetricsResult:
        return await self._run(wire.metrics())

    async def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *_: Any) -> None:
        await self.close()

    async def _run(self, call: wire.Call[Any]) -> Any:
        session = await self._open()
        reused = session.used
        try:
            reply = await self._send(session, call)
        except _Stale:
            if not reused:
                raise ConnectionClosedError("the daemon closed the connection before answering") from None
            reply = await self._send(await self._open(), call)
        return call.result(reply)

    async def _send(self, session: _Session, call: wire.Call[Any]) -> Any:
        session.used = True
        request_id = self._next_id
        self._next_id += 1
        future = asyncio.get_running_loop().create_future()
        session.waiting.append((request_id, future))
        session.writer.write(call.line(request_id))
        try:
            # On timeout the future is cancelled; its reply, when it comes, is read and dropped.
            reply = await asyncio.wait_for(future, self.timeout)
        except asyncio.TimeoutError:
            raise ClientTimeoutError(f"no reply from the daemon within {self.timeout} s") from None
        if reply.get("id") != request_id:
            session.close()
            raise ConnectionClosedError(f"the daemon answered id {reply.get('id')!r} where {request_id} was due")
        return reply

    async def _open(self) -> _Session:
        if self._connecting is None:
            self._connecting = asyncio.Lock()
        async with self._connecting:
            if self._session is None or self._session.closed:
                self._session = await self._connect()
            return self._session

    async def _connect(self) -> _Session:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await asyncio.wait_for(asyncio.get_running_loop().sock_connect(sock, self.socket_path), self.timeout)
            check_peer(sock, self.socket_path, self.expected_uid)
            reader, writer = await asyncio.open_unix_connection(sock=sock, limit=1 << 24)
        except (FileNotFoundError, ConnectionRefusedError) as error:
            sock.close()
            raise NoDaemonError(self.socket_path, error.strerror or type(error).__name__) from None
        except asyncio.TimeoutError:
            sock.close()
            raise ClientTimeoutError(f"connecting to {self.socket_path} took longer than {self.timeout} s") from None
        except BaseException:
            sock.close()
            raise
        return _Session(reader, writer)
