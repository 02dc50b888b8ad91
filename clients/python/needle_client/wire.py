"""Request lines and reply parsing, shared by ``Client`` and ``AsyncClient``. No I/O."""

import json
from typing import Any, Dict, Generic, Optional, Type, TypeVar

from .errors import BadReplyError, DaemonError
from .replies import (
    AskResult,
    MetricsResult,
    ReloadResult,
    SearchResult,
    StatsResult,
    SuggestResult,
    decode,
)

T = TypeVar("T")


class Call(Generic[T]):
    """One request (without its ``id``) and the reply type it expects (``None`` for ``ping``)."""

    def __init__(self, fields: Dict[str, Any], reply: Optional[Type[T]]) -> None:
        self.fields = fields
        self.reply = reply

    def line(self, request_id: int) -> bytes:
        """The request as one line of JSON, newline included."""
        return json.dumps({"id": request_id, **self.fields}, ensure_ascii=False).encode("utf-8") + b"\n"

    def result(self, reply: Dict[str, Any]) -> T:
        """The reply's result, or the ``DaemonError`` it carries raised."""
        raise_if_error(reply)
        if self.reply is None:
            return None  # type: ignore[return-value]
        try:
            return decode(self.reply, reply)
        except ValueError as error:
            raise BadReplyError(f"the {self.fields['op']} reply does not fit the protocol: {error}") from None


def search(query: str, limit: int = 10, offset: int = 0, facets: bool = False, explain: bool = False,
           **filters: str) -> Call[SearchResult]:
    fields: Dict[str, Any] = {"op": "search", "q": query, "limit": limit, "offset": offset}
    if filters:
        fields["filter"] = filters
    if facets:
        fields["facets"] = True
    if explain:
        fields["explain"] = True
    return Call(fields, SearchResult)


def suggest(prefix: str, limit: int = 8) -> Call[SuggestResult]:
    return Call({"op": "suggest", "q": prefix, "limit": limit}, SuggestResult)


def ask(question: str, limit: int = 3, min_confidence: Optional[float] = None, explain: bool = False,
        **filters: str) -> Call[AskResult]:
    fields: Dict[str, Any] = {"op": "ask", "q": question, "limit": limit}
    if min_confidence is not None:
        fields["min_confidence"] = min_confidence
    if filters:
        fields["filter"] = filters
    if explain:
        fields["explain"] = True
    return Call(fields, AskResult)


def ping() -> Call[None]:
    return Call({"op": "ping"}, None)


def stats() -> Call[StatsResult]:
    return Call({"op": "stats"}, StatsResult)


def reload() -> Call[ReloadResult]:
    return Call({"op": "reload"}, ReloadResult)


def metrics() -> Call[MetricsResult]:
    return Call({"op": "metrics"}, MetricsResult)


def parse_line(line: bytes) -> Dict[str, Any]:
    """A reply line as a JSON object."""
    try:
        reply = json.loads(line)
    except ValueError:
        raise BadReplyError(f"the daemon sent a line that is not JSON: {line[:200]!r}") from None
    if not isinstance(reply, dict) or not isinstance(reply.get("ok"), bool):
        raise BadReplyError(f"the daemon sent a line that is no reply: {line[:200]!r}")
    return reply


def raise_if_error(reply: Dict[str, Any]) -> None:
    """Raises the ``DaemonError`` of an ``ok: false`` reply."""
    if reply["ok"]:
        return
    error = reply.get("error") if isinstance(reply.get("error"), dict) else {}
    raise DaemonError(str(error.get("code", "unknown")), str(error.get("message", "")))


#: Errors the daemon sends once, unasked (``id`` null), before it closes the connection.
CLOSING_CODES = frozenset({"idle_timeout", "too_many_connections", "forbidden"})


def is_closing_notice(reply: Dict[str, Any]) -> bool:
    """True for a line the daemon sent on its own just before closing the connection."""
    error = reply.get("error")
    return not reply["ok"] and reply.get("id") is None and isinstance(error, dict) and error.get("code") in CLOSING_CODES
