"""The daemon's replies as dataclasses; attribute names are the protocol's field names.

See docs/protocol.md for what each field means. Fields a newer daemon adds are ignored, so an
older client keeps working; fields an older daemon leaves out take their default.
"""

import dataclasses
import functools
import sys
from typing import Any, Dict, List, Optional, Tuple, Type, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Interpretation:
    """How one term of a query was read: the concept it names and where that is defined."""

    term: str
    concept: str
    via: str
    ambiguous: bool


@dataclasses.dataclass(frozen=True)
class ScoreExplanation:
    """The parts of one hit's or answer's score (only with ``explain=True``)."""

    bm25: float
    bm25_normalized: float
    fields: Dict[str, float]
    name_match: float
    synonym_weight: float
    heading_match: float
    matched_name: Optional[str] = None
    passage_match: Optional[float] = None


@dataclasses.dataclass(frozen=True)
class QueryExplanation:
    """The FTS5 expression a search ran and how its scores combine."""

    match: str
    formula: str


@dataclasses.dataclass(frozen=True)
class FacetCount:
    """One value of a facet and how many results have it."""

    value: str
    count: int


@dataclasses.dataclass(frozen=True)
class Facets:
    """Counts of a search's whole result set by kind and by concern."""

    kind: List[FacetCount]
    concern: List[FacetCount]


@dataclasses.dataclass(frozen=True)
class SearchHit:
    """One ranked article; ``snippet`` wraps each match in ``[`` and ``]``."""

    slug: str
    title: str
    kind: str
    score: float
    section: Optional[str]
    snippet: str
    explain: Optional[ScoreExplanation] = None


@dataclasses.dataclass(frozen=True)
class SearchResult:
    """The reply to ``search``."""

    took_us: int
    total: int
    hits: List[SearchHit]
    expanded: List[str]
    interpreted_as: List[Interpretation] = dataclasses.field(default_factory=list)
    did_you_mean: Optional[str] = None
    corrected: bool = False
    facets: Optional[Facets] = None
    explain: Optional[QueryExplanation] = None


@dataclasses.dataclass(frozen=True)
class Suggestion:
    """One article suggested for a prefix; ``matched`` is the name the prefix matched."""

    text: str
    slug: str
    kind: str
    matched: str


@dataclasses.dataclass(frozen=True)
class SuggestResult:
    """The reply to ``suggest``."""

    took_us: int
    suggestions: List[Suggestion]


@dataclasses.dataclass(frozen=True)
class Answer:
    """One passage that answers a question; ``section`` is ``None`` for an introduction."""

    slug: str
    title: str
    section: Optional[str]
    text: str
    score: float
    confidence: float
    explain: Optional[ScoreExplanation] = None


@dataclasses.dataclass(frozen=True)
class ArticleReference:
    """An article named in a reply."""

    slug: str
    title: str


@dataclasses.dataclass(frozen=True)
class AskResult:
    """The reply to ``ask``; ``suggestions`` is filled when no answer is confident enough."""

    took_us: int
    answers: List[Answer]
    topic: str
    intent: Optional[str] = None
    interpreted_as: List[Interpretation] = dataclasses.field(default_factory=list)
    did_you_mean: Optional[str] = None
    corrected: bool = False
    suggestions: List[ArticleReference] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class IndexInfo:
    """The index a daemon serves."""

    path: str
    schema_version: int
    corpus_digest: str
    built_at: str
    articles: int
    passages: int
    synonyms: int


@dataclasses.dataclass(frozen=True)
class OperationStats:
    """How often one op ran and failed, and its latency percentiles in microseconds."""

    requests: int
    errors: int
    p50_us: int
    p90_us: int
    p99_us: int


@dataclasses.dataclass(frozen=True)
class CacheStats:
    """The daemon's result cache: answers kept per op, kept now, and how often they served."""

    capacity: int
    entries: int
    hits: int
    misses: int
    hit_rate: float


@dataclasses.dataclass(frozen=True)
class StatsResult:
    """The reply to ``stats``."""

    uptime_s: float
    requests: int
    connections: int
    index: IndexInfo
    errors: Optional[int] = None
    connections_total: Optional[int] = None
    connections_refused: Optional[int] = None
    reloads: Optional[int] = None
    reload_failures: Optional[int] = None
    ops: Optional[Dict[str, OperationStats]] = None
    result_cache: Optional[CacheStats] = None


@dataclasses.dataclass(frozen=True)
class ReloadResult:
    """The reply to ``reload``: the index served from now on."""

    index: IndexInfo


@dataclasses.dataclass(frozen=True)
class MetricsResult:
    """The reply to ``metrics``: Prometheus text exposition."""

    prometheus: str


def decode(cls: Type[T], value: Any) -> T:
    """Builds ``cls`` (a dataclass above) from a reply's decoded JSON object.

    Raises ``ValueError`` when a required field is missing or has the wrong type.
    """
    return _decode(cls, value, cls.__name__)


def _decode(hint: Any, value: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin is Union:
        options = [option for option in get_args(hint) if option is not type(None)]
        return None if value is None else _decode(options[0], value, where)
    if origin is list:
        (item,) = get_args(hint)
        return [_decode(item, element, f"{where}[{i}]") for i, element in enumerate(_expect(list, value, where))]
    if origin is dict:
        _, item = get_args(hint)
        return {key: _decode(item, element, f"{where}.{key}") for key, element in _expect(dict, value, where).items()}
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, _expect(dict, value, where), where)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if hint is int and isinstance(value, bool):
        raise ValueError(f"{where}: expected an integer, got {value!r}")
    return _expect(hint, value, where)


@functools.lru_cache(maxsize=None)
def _fields(cls: Any) -> Tuple[Tuple[dataclasses.Field, Any], ...]:  # type: ignore[type-arg]
    """Each field of ``cls`` with its resolved type (resolving is slow: once per class)."""
    hints = get_type_hints(cls, vars(sys.modules[__name__]))
    return tuple((field, hints[field.name]) for field in dataclasses.fields(cls))


def _decode_dataclass(cls: Any, value: Dict[str, Any], where: str) -> Any:
    arguments = {}
    for field, hint in _fields(cls):
        if field.name in value:
            arguments[field.name] = _decode(hint, value[field.name], f"{where}.{field.name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise ValueError(f"{where}: missing field {field.name!r}")
    return cls(**arguments)


def _expect(kind: Any, value: Any, where: str) -> Any:
    if not isinstance(value, kind):
        raise ValueError(f"{where}: expected {kind.__name__}, got {value!r}")
    return value
