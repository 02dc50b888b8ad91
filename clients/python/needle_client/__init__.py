"""A client for the Needle search daemon (``needled``), standard library only.

>>> from needle_client import Client
>>> with Client() as needle:
...     for answer in needle.ask("how long is skin red after microneedling?").answers:
...         print(answer.confidence, answer.title, answer.section)

``AsyncClient`` is the asyncio twin. The protocol: docs/protocol.md in the Needle repository.
"""

from .async_client import AsyncClient
from .client import Client, Pipeline
from .errors import (
    BadReplyError,
    ClientTimeoutError,
    ConnectionClosedError,
    DaemonError,
    NeedleError,
    NoDaemonError,
    UntrustedDaemonError,
)
from .replies import (
    Answer,
    ArticleReference,
    AskResult,
    CacheStats,
    FacetCount,
    Facets,
    IndexInfo,
    Interpretation,
    MetricsResult,
    OperationStats,
    QueryExplanation,
    ReloadResult,
    ScoreExplanation,
    SearchHit,
    SearchResult,
    StatsResult,
    SuggestResult,
    Suggestion,
)
from .socket_path import default_socket_path

__all__ = [
    "Answer", "ArticleReference", "AskResult", "AsyncClient", "BadReplyError", "CacheStats", "Client", "ClientTimeoutError",
    "ConnectionClosedError", "DaemonError", "FacetCount", "Facets", "IndexInfo", "Interpretation", "MetricsResult",
    "NeedleError", "NoDaemonError", "OperationStats", "Pipeline", "QueryExplanation", "ReloadResult",
    "ScoreExplanation", "SearchHit", "SearchResult", "StatsResult", "SuggestResult", "Suggestion",
    "UntrustedDaemonError", "default_socket_path",
]
