"""Where the daemon listens when no socket path is given, as the daemon and the CLI decide it."""

import os
from typing import Mapping, Optional


def default_socket_path(environment: Optional[Mapping[str, str]] = None) -> str:
    """``$NEEDLE_SOCKET``, else ``$XDG_RUNTIME_DIR/needle.sock``, else ``/tmp/needle-$UID/needle.sock``
    (a folder of mode 0700 that the daemon creates, so no other user can put a socket there)."""
    environment = os.environ if environment is None else environment
    if environment.get("NEEDLE_SOCKET"):
        return environment["NEEDLE_SOCKET"]
    if environment.get("XDG_RUNTIME_DIR"):
        return environment["XDG_RUNTIME_DIR"] + "/needle.sock"
    return f"/tmp/needle-{os.getuid()}/needle.sock"
