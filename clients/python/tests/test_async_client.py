"""AsyncClient against a real needled."""

import asyncio

import pytest

from needle_client import AsyncClient, ClientTimeoutError, DaemonError, NoDaemonError
from silent_server import ScriptedServer


def run(coroutine):
    return asyncio.run(coroutine)


def test_concurrent_calls_are_pipelined_on_one_connection(daemon):
    async def scenario():
        async with AsyncClient(daemon.socket_path) as needle:
            before = (await needle.stats()).connections_total
            calls = [needle.search("acne scars"), needle.suggest("micron"), needle.ask("does PCI hurt?")]
            calls += [needle.suggest("s", limit=50) for _ in range(300)]
            search, suggest, answer, *more = await asyncio.gather(*calls)
            stats = await needle.stats()
        return search, suggest, answer, more, stats.connections_total - before

    search, suggest, answer, more, new_connections = run(scenario())
    assert search.hits[0].slug == "acne-scars"
    assert suggest.suggestions[0].slug == "microneedling"
    assert answer.answers[0].title == "Microneedling" and answer.answers[0].confidence > 0.5
    assert all(len(result.suggestions) > 10 for result in more)
    assert new_connections == 0


def test_a_refused_request_raises_its_protocol_code(daemon):
    async def scenario():
        async with AsyncClient(daemon.socket_path) as needle:
            refused, pong = await asyncio.gather(needle.ask("acne", min_confidence=2), needle.ping(),
                                                 return_exceptions=True)
            return refused, pong

    refused, pong = run(scenario())
    assert isinstance(refused, DaemonError) and refused.code == "bad_request"
    assert pong is None


def test_reconnects_after_a_daemon_restart(own_daemon):
    daemon = own_daemon
    async def scenario():
        async with AsyncClient(daemon.socket_path) as needle:
            await needle.ping()
            daemon.stop()
            with pytest.raises(NoDaemonError):
                await needle.ping()
            daemon.start()
            await needle.ping()
            daemon.stop()
            daemon.start()
            return await needle.ask("how long is skin red after microneedling?")

    assert run(scenario()).answers[0].slug == "microneedling"


def test_no_daemon(tmp_path):
    with pytest.raises(NoDaemonError):
        run(AsyncClient(str(tmp_path / "nothing.sock")).ping())


def test_a_silent_daemon_times_out(tmp_path):
    server = ScriptedServer(str(tmp_path / "silent.sock"))

    async def scenario():
        async with AsyncClient(server.path, timeout=0.3) as needle:
            await needle.ping()

    try:
        with pytest.raises(ClientTimeoutError):
            run(scenario())
    finally:
        server.close()
