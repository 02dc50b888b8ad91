"""What the client raises. Every exception is a ``NeedleError``."""

from typing import Optional


class NeedleError(Exception):
    """Base of every error the client raises; ``code`` is the protocol's error code, when there is one."""

    code: Optional[str] = None


class DaemonError(NeedleError):
    """The daemon answered ``ok: false``: ``code`` is the protocol's error code (``bad_request``,
    ``timeout``, ``forbidden``, ...) and ``message`` its explanation."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class NoDaemonError(NeedleError):
    """Nothing listens on the socket (or the socket file is missing)."""

    def __init__(self, socket_path: str, reason: str) -> None:
        super().__init__(
            f"no daemon is listening on {socket_path} ({reason}); start one with: needled --socket {socket_path}"
        )
        self.socket_path = socket_path


class UntrustedDaemonError(NeedleError):
    """The process behind the socket runs as a user other than the expected one."""

    def __init__(self, socket_path: str, uid: int, expected: int) -> None:
        super().__init__(f"the process listening on {socket_path} runs as uid {uid}, not the expected uid {expected}")
        self.socket_path = socket_path
        self.uid = uid


class ConnectionClosedError(NeedleError):
    """The daemon closed the connection before answering."""


class ClientTimeoutError(NeedleError):
    """No reply came within the client's ``timeout``."""


class BadReplyError(NeedleError):
    """A reply line was not what the protocol promises (not JSON, wrong id, a field missing)."""
