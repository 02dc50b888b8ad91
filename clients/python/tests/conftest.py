"""Fixtures: a temporary index built from Corpus/ and a real needled serving it on a temporary socket."""

import pytest

from daemon_fixture import Daemon, build_index


@pytest.fixture(scope="session")
def index_path(tmp_path_factory):
    return build_index(tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def daemon(index_path, tmp_path_factory):
    """One daemon for the tests that only query it."""
    daemon = Daemon(index_path, str(tmp_path_factory.mktemp("shared") / "needle.sock"))
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture
def own_daemon(index_path, tmp_path):
    """A daemon of the test's own, for tests that stop and restart it."""
    daemon = Daemon(index_path, str(tmp_path / "needle.sock"))
    daemon.start()
    yield daemon
    daemon.stop()
