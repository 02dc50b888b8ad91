"""A Unix socket server that answers with fixed lines (or never), for what a real daemon won't do."""

import socket
import threading


class ScriptedServer:
    """Accepts connections on ``path``; to each request line it writes the next of ``replies``
    (nothing at all when ``replies`` is empty)."""

    def __init__(self, path, replies=()):
        self.path = path
        self.replies = list(replies)
        self.listener = socket.socket(socket.AF_UNIX)
        self.listener.bind(path)
        self.listener.listen()
        self.connections = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection):
        try:
            while connection.recv(65536) and self.replies:
                connection.sendall(self.replies.pop(0))
        except OSError:
            pass

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()
