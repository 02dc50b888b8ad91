"""Checks who runs the process behind a Unix socket, so a client never talks to an impostor."""

import os
import socket
import struct
from typing import Optional

from .errors import UntrustedDaemonError


def check_peer(sock: socket.socket, socket_path: str, expected_uid: Optional[int]) -> None:
    """Raises ``UntrustedDaemonError`` unless the peer is trusted (see ``trusts``).

    Anyone able to create the socket file first could otherwise receive every question and
    answer anything. Skipped where ``SO_PEERCRED`` does not exist.
    """
    if not hasattr(socket, "SO_PEERCRED"):
        return
    credentials = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    expected = os.getuid() if expected_uid is None else expected_uid
    if not trusts(uid, expected):
        raise UntrustedDaemonError(socket_path, uid, expected)


def trusts(uid: int, expected_uid: int) -> bool:
    """A daemon is trusted when it runs as the expected user (by default our own) or as root,
    as the ``needle`` CLI decides."""
    return uid in (expected_uid, 0)
