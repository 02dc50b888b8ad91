"""Checks who runs the process behind a Unix socket, so a client never talks to an impostor."""

import os
import socket
import struct
from typing import Optional

from .errors import UntrustedDaemonError


def check_peer(sock: socket.socket, socket_path: str, expected_uid: Optional[int]) -> None:
    """Raises ``UntrustedDaemonError`` unless the peer runs as ``expected_uid`` (default: our own
    user; name the daemon's user, e.g. 0, to reach one run by another).

    Another user who could create the socket file first (a shared ``/tmp``) would otherwise
    receive every question and could answer anything. Skipped where ``SO_PEERCRED`` does not exist.
    """
    if not hasattr(socket, "SO_PEERCRED"):
        return
    credentials = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", credentials)
    expected = os.getuid() if expected_uid is None else expected_uid
    if uid != expected:
        raise UntrustedDaemonError(socket_path, uid, expected)
