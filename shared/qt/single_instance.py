"""One app instance per data dir.

Two instances on one store would race each other: a stale pull page overwriting a newer local state,
a push answered for ops the other instance already confirmed. The first instance holds a lock file
in the data dir (QLockFile: a stale lock of a killed process is taken over) and listens on a local
socket named after the dir; a second start finds the lock taken, asks the first to bring its window
forward, and exits with a message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "instance.lock"


def socket_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return f"wb-ops-{digest}"


class SingleInstance(QObject):
    """`acquire()` is True for the first instance; `on_activate` is called when another start asks
    this one to come forward."""

    def __init__(self, data_dir: Path, on_activate: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.on_activate = on_activate
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.data_dir / LOCK_NAME))
        lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
        if not lock.tryLock(100):
            self._ask_first_to_come_forward()
            return False
        self._lock = lock
        name = socket_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket file left by a killed first instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._activated)
            self._server = server
        return True

    def _activated(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.disconnectFromServer()
        if self.on_activate is not None:
            self.on_activate()

    def _ask_first_to_come_forward(self) -> None:
        sock = QLocalSocket()
        sock.connectToServer(socket_name(self.data_dir))
        if sock.waitForConnected(1000):
            sock.write(b"activate\n")
            sock.waitForBytesWritten(500)
            sock.disconnectFromServer()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def bring_forward(window: object) -> Callable[[], None]:
    """A callback that shows, raises and activates a QWidget window."""

    def activate() -> None:
        w = window
        w.showNormal()  # type: ignore[attr-defined]
        w.raise_()  # type: ignore[attr-defined]
        w.activateWindow()  # type: ignore[attr-defined]

    return activate
