"""Client (blocking) against a real needled."""

import os
import time

import pytest

from needle_client import (
    AskResult,
    BadReplyError,
    Client,
    ClientTimeoutError,
    DaemonError,
    NoDaemonError,
    SearchHit,
    UntrustedDaemonError,
    default_socket_path,
)
from needle_client.peer import trusts
from daemon_fixture import Daemon
from silent_server import ScriptedServer


def test_search_returns_typed_hits_named_as_the_protocol(daemon):
    with Client(daemon.socket_path) as needle:
        result = needle.search("skin needling", limit=3)
    assert isinstance(result.hits[0], SearchHit)
    assert result.hits[0].slug == "microneedling"
    assert len(result.hits) == 3 and result.total >= 3
    assert result.interpreted_as[0].concept == "Microneedling"
    assert result.did_you_mean is None and result.corrected is False
    assert result.took_us > 0


def test_search_filters_facets_and_explain(daemon):
    with Client(daemon.socket_path) as needle:
        result = needle.search("dark spots", limit=5, kind="ingredient", facets=True, explain=True)
    assert result.hits and {hit.kind for hit in result.hits} == {"ingredient"}
    assert result.facets.kind[0].value == "ingredient"
    assert "MATCH" in result.explain.formula or result.explain.match
    assert result.hits[0].explain.bm25 > 0


def test_suggest_completes_a_prefix(daemon):
    with Client(daemon.socket_path) as needle:
        result = needle.suggest("pc")
    assert [(s.slug, s.matched) for s in result.suggestions][:1] == [("microneedling", "PCI")]


def test_ask_answers_with_source_and_confidence(daemon):
    with Client(daemon.socket_path) as needle:
        result = needle.ask("How long is skin red after microneedling?", limit=2)
    assert isinstance(result, AskResult)
    assert result.answers[0].title == "Microneedling"
    assert 0.5 < result.answers[0].confidence <= 1
    assert result.intent == "recovery" and result.suggestions == []


def test_ask_below_min_confidence_offers_suggestions(daemon):
    with Client(daemon.socket_path) as needle:
        result = needle.ask("Is sunscreen needed at night in winter?", min_confidence=0.8)
    assert result.answers == []
    assert result.suggestions[0].slug == "sunscreen"


def test_ping_stats_and_metrics(daemon):
    with Client(daemon.socket_path) as needle:
        before = needle.stats()
        assert needle.ping() is None
        stats = needle.stats()
        metrics = needle.metrics()
    assert stats.index.articles > 50 and stats.index.path == daemon.index_path
    assert stats.ops["ping"].requests == before.ops["ping"].requests + 1
    assert stats.ops["stats"].requests == before.ops["stats"].requests + 1
    assert stats.result_cache.capacity > 0 and 0 <= stats.result_cache.hit_rate <= 1
    assert "needle_requests_total" in metrics.prometheus


def test_a_refused_request_raises_its_protocol_code_and_keeps_the_connection(daemon):
    with Client(daemon.socket_path) as needle:
        with pytest.raises(DaemonError) as refused:
            needle.suggest("acne", limit=-1)
        assert refused.value.code == "bad_request" and "limit" in refused.value.message
        needle.ping()


def test_calls_reuse_one_connection(daemon):
    with Client(daemon.socket_path) as needle:
        before = needle.stats().connections_total
        for _ in range(5):
            needle.search("acne")
        assert needle.stats().connections_total == before


def test_pipeline_answers_in_order(daemon):
    with Client(daemon.socket_path) as needle:
        search, suggest, answer = needle.pipeline().search("acne scars").suggest("micron").ask("does PCI hurt?").execute()
        assert search.hits[0].slug == "acne-scars"
        assert suggest.suggestions[0].slug == "microneedling"
        assert answer.answers[0].slug == "microneedling"


def test_pipeline_keeps_results_around_a_refused_request(daemon):
    with Client(daemon.socket_path) as needle:
        ok, refused, pong = needle.pipeline().ping().suggest("a", limit=-1).ping().execute(raise_errors=False)
        assert ok is None and pong is None and refused.code == "bad_request"
        with pytest.raises(DaemonError):
            needle.pipeline().ping().suggest("a", limit=-1).execute()
        needle.ping()


def test_a_long_pipeline_does_not_deadlock_on_unread_replies(daemon):
    """Far more than the daemon's 64 KiB of unread replies: the client must read while it writes."""
    with Client(daemon.socket_path, timeout=60) as needle:
        batch = needle.pipeline()
        for i in range(300):
            batch.suggest("a" if i % 2 else "s", limit=50)
        results = batch.execute()
    assert len(results) == 300
    assert sum(len(r.suggestions) for r in results) > 300 * 20


def test_reconnects_after_a_daemon_restart(own_daemon):
    daemon = own_daemon
    with Client(daemon.socket_path) as needle:
        needle.ping()
        daemon.stop()
        with pytest.raises(NoDaemonError):
            needle.ping()
        daemon.start()
        assert needle.ask("does PCI hurt?").answers[0].slug == "microneedling"


def test_reconnects_after_the_daemon_restarted_between_calls(own_daemon):
    daemon = own_daemon
    with Client(daemon.socket_path) as needle:
        needle.ping()
        daemon.stop()
        daemon.start()
        needle.ping()
        assert needle.stats().uptime_s < 30


def test_reconnects_after_the_daemons_idle_timeout(index_path, tmp_path):
    daemon = Daemon(index_path, str(tmp_path / "idle.sock"), "--idle-timeout", "1")
    daemon.start()
    try:
        with Client(daemon.socket_path) as needle:
            before = needle.stats().connections_total
            time.sleep(1.6)
            needle.ping()
            assert needle.stats().connections_total == before + 1
    finally:
        daemon.stop()


def test_a_refused_connection_raises_its_code(index_path, tmp_path):
    daemon = Daemon(index_path, str(tmp_path / "one.sock"), "--max-connections", "1")
    daemon.start()
    try:
        with Client(daemon.socket_path) as first, Client(daemon.socket_path) as second:
            _ping_when_admitted(first)
            with pytest.raises(DaemonError) as refused:
                second.ping()
            assert refused.value.code == "too_many_connections"
    finally:
        daemon.stop()


def _ping_when_admitted(client, seconds=5):
    """Pings once the daemon has seen the readiness probe's connection close."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return client.ping()
        except DaemonError as refused:
            if refused.code != "too_many_connections" or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def test_no_daemon_names_the_socket(tmp_path):
    path = str(tmp_path / "nothing.sock")
    with pytest.raises(NoDaemonError) as missing:
        Client(path).ping()
    assert path in str(missing.value)


def test_a_silent_daemon_times_out(tmp_path):
    server = ScriptedServer(str(tmp_path / "silent.sock"))
    try:
        started = time.monotonic()
        with pytest.raises(ClientTimeoutError):
            Client(server.path, timeout=0.3).ping()
        assert time.monotonic() - started < 5
    finally:
        server.close()


def test_a_reply_that_does_not_fit_the_protocol_is_an_error(tmp_path):
    server = ScriptedServer(str(tmp_path / "odd.sock"), [b'{"id":1,"ok":true}\n', b"not json\n"])
    try:
        needle = Client(server.path, timeout=5)
        with pytest.raises(BadReplyError) as odd:
            needle.search("acne")
        assert "missing field" in str(odd.value)
        with pytest.raises(BadReplyError):
            needle.ping()
    finally:
        server.close()


@pytest.mark.skipif(os.getuid() == 0, reason="a daemon run by root is always trusted")
def test_a_daemon_run_by_another_user_is_refused(daemon):
    with pytest.raises(UntrustedDaemonError) as untrusted:
        Client(daemon.socket_path, expected_uid=os.getuid() + 1).ping()
    assert str(os.getuid()) in str(untrusted.value)


def test_a_daemon_run_by_the_expected_user_is_trusted(daemon):
    Client(daemon.socket_path, expected_uid=os.getuid()).ping()


def test_who_is_trusted():
    assert trusts(1000, 1000) and trusts(0, 1000)
    assert not trusts(1001, 1000) and not trusts(1000, 0)


def test_default_socket_path_follows_the_daemon():
    assert default_socket_path({"NEEDLE_SOCKET": "/x.sock", "XDG_RUNTIME_DIR": "/run/u"}) == "/x.sock"
    assert default_socket_path({"XDG_RUNTIME_DIR": "/run/u"}) == "/run/u/needle.sock"
    assert default_socket_path({}) == f"/tmp/needle-{os.getuid()}/needle.sock"
