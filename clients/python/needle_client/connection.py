"""One blocking connection to a daemon: sends request lines and reads reply lines, pipelined."""

import selectors
import socket
import time
from typing import List, Optional

from .errors import ClientTimeoutError, NoDaemonError
from .peer import check_peer


class Connection:
    """A connected socket with a read buffer. ``exchange`` writes and reads at once, so a long
    pipeline never deadlocks on the daemon's limit of unread replies."""

    def __init__(self, socket_path: str, timeout: float, expected_uid: Optional[int]) -> None:
        self.socket_path = socket_path
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._buffer = bytearray()
        try:
            self._socket.settimeout(timeout)
            self._socket.connect(socket_path)
            check_peer(self._socket, socket_path, expected_uid)
            self._socket.setblocking(False)
        except (FileNotFoundError, ConnectionRefusedError) as error:
            self.close()
            raise NoDaemonError(socket_path, error.strerror or type(error).__name__) from None
        except socket.timeout:
            self.close()
            raise ClientTimeoutError(f"connecting to {socket_path} took longer than {timeout} s") from None
        except BaseException:
            self.close()
            raise

    def exchange(self, payload: bytes, replies: int, deadline: float) -> List[bytes]:
        """Sends ``payload`` and returns the next ``replies`` lines, without their newlines.

        Returns fewer lines when the daemon closes the connection first (its last line may say
        why); raises ``ClientTimeoutError`` at ``deadline`` (a ``time.monotonic()`` value).
        """
        lines: List[bytes] = []
        pending = memoryview(payload)
        with selectors.DefaultSelector() as selector:
            selector.register(self._socket, selectors.EVENT_READ | (selectors.EVENT_WRITE if pending else 0))
            while True:
                lines.extend(self._take_lines(replies - len(lines)))
                if len(lines) == replies:
                    return lines
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise ClientTimeoutError("no reply from the daemon within the timeout")
                for _, events in selector.select(remaining):
                    if events & selectors.EVENT_WRITE:
                        pending = pending[self._send(pending):]
                        if not pending:
                            selector.modify(self._socket, selectors.EVENT_READ)
                    if events & selectors.EVENT_READ and not self._receive():
                        return lines + self._take_lines(replies - len(lines))

    def close(self) -> None:
        self._socket.close()

    def _send(self, data: memoryview) -> int:
        try:
            return self._socket.send(data)
        except BlockingIOError:
            return 0
        except (BrokenPipeError, ConnectionResetError):
            # The daemon closed: what it wrote before closing is still to be read.
            return len(data)

    def _receive(self) -> bool:
        """Reads what has arrived; False when the daemon closed the connection."""
        try:
            chunk = self._socket.recv(65536)
        except BlockingIOError:
            return True
        except ConnectionResetError:
            return False
        self._buffer += chunk
        return bool(chunk)

    def _take_lines(self, most: int) -> List[bytes]:
        lines = []
        while len(lines) < most:
            end = self._buffer.find(b"\n")
            if end < 0:
                break
            lines.append(bytes(self._buffer[:end]))
            del self._buffer[: end + 1]
        return lines
