"""A real needled for the tests: built index, temporary socket, start, stop and restart."""

import os
import socket
import subprocess
import time


def bin_dir():
    """Where the swift build put needle and needled: $NEEDLE_BIN_DIR when set, else asked of swift."""
    if os.environ.get("NEEDLE_BIN_DIR"):
        return os.environ["NEEDLE_BIN_DIR"]
    return subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=repo_root(), check=True, capture_output=True, text=True
    ).stdout.strip()


def repo_root():
    return os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def build_index(directory):
    """Indexes Corpus/ into ``directory`` and returns the index file's path."""
    path = os.path.join(str(directory), "needle.sqlite")
    subprocess.run(
        [os.path.join(bin_dir(), "needle"), "index", "--corpus", os.path.join(repo_root(), "Corpus"), "--out", path],
        check=True, capture_output=True,
    )
    return path


class Daemon:
    """needled serving ``index_path`` on ``socket_path``; ``start`` returns once it answers ping."""

    def __init__(self, index_path, socket_path, *arguments):
        self.index_path = index_path
        self.socket_path = socket_path
        self.arguments = list(arguments)
        self.process = None

    def start(self):
        root = ["--allow-root"] if os.getuid() == 0 else []
        self.process = subprocess.Popen(
            [os.path.join(bin_dir(), "needled"), "--index", self.index_path, "--socket", self.socket_path,
             "--log-level", "warning", *root, *self.arguments],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while not self._answers_ping():
            if self.process.poll() is not None:
                raise RuntimeError(f"needled exited with status {self.process.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("needled did not answer ping within 30 s")
            time.sleep(0.02)

    def stop(self):
        """Stops the daemon gracefully (SIGTERM) and waits for it."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def _answers_ping(self):
        try:
            with socket.socket(socket.AF_UNIX) as probe:
                probe.settimeout(1)
                probe.connect(self.socket_path)
                probe.sendall(b'{"op":"ping"}\n')
                return probe.recv(100).startswith(b"{")
        except OSError:
            return False
