"""One app per database: a QLockFile beside the file, a local socket to raise the first window."""

from __future__ import annotations

import enum
import hashlib
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from jobtracker.app_lock import app_lock_holder, app_lock_path

RAISE = b"raise\n"
ANSWER = b"raised\n"
ANSWER_TIMEOUT_MS = 3000


class Claim(enum.Enum):
    """How a start went: this process owns the database, or another one does."""

    OWNER = "owner"  # the lock is ours: go on and open the window
    RAISED = "raised"  # the first instance answered and brought its window forward
    NO_ANSWER = "no answer"  # locked by a running app that did not answer


def server_name(db_path: Path) -> str:
    """The local socket name for ``db_path``: one per database file, short enough for Unix."""
    digest = hashlib.sha256(str(db_path.expanduser().resolve()).encode("utf-8")).hexdigest()
    return f"jobtracker-{digest[:24]}"


class SingleInstance(QObject):
    """Holds the database's lock while the app runs; ``raise_requested`` on a second start."""

    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path.expanduser().resolve()
        self.lock = QLockFile(str(app_lock_path(self.db_path)))
        # 0: never treat a lock as stale by its age, only when its process is gone (QLockFile
        # checks the PID and program, and the flock it holds on Unix).
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None

    def claim(self) -> Claim:
        """Take the lock (taking over one left by a dead process), else ask the owner to raise."""
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            if self.lock.error() != QLockFile.LockError.LockFailedError:
                # Cannot even create the lock (a read-only folder): run without one rather
                # than refuse to open the user's data.
                return Claim.OWNER
            # tryLock already takes over a dead process's lock when it can tell; this
            # covers the rest, and removeStaleLockFile itself refuses while a live owner
            # holds the file's native lock.
            if app_lock_holder(self.db_path) is not None or not (
                    self.lock.removeStaleLockFile() and self.lock.tryLock(0)):
                return Claim.RAISED if self.ask_owner_to_raise() else Claim.NO_ANSWER
        self._listen()
        return Claim.OWNER

    def _listen(self) -> None:
        name = server_name(self.db_path)
        # We hold the lock, so a socket file of that name is a dead instance's leftover.
        QLocalServer.removeServer(name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(name):
            server.newConnection.connect(self._answer)
            self.server = server
        else:
            print(f"jobtracker: cannot listen for other instances ({server.errorString()})",
                  file=sys.stderr)

    def _answer(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.canReadLine() and bytes(socket.readLine().data()) == RAISE:
            self.raise_requested.emit()
            socket.write(ANSWER)
            socket.flush()
            socket.disconnectFromServer()

    def ask_owner_to_raise(self, timeout_ms: int = ANSWER_TIMEOUT_MS) -> bool:
        """Send "raise" to the instance that holds the lock; True when it answered."""
        socket = QLocalSocket()
        deadline = time.monotonic() + timeout_ms / 1000
        try:
            # The owner may have just taken the lock and not be listening yet: keep trying.
            while True:
                socket.connectToServer(server_name(self.db_path))
                if socket.waitForConnected(timeout_ms):
                    break
                socket.abort()
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.05)
            socket.write(RAISE)
            if not socket.waitForBytesWritten(timeout_ms):
                return False
            while not socket.canReadLine():
                if not socket.waitForReadyRead(timeout_ms):
                    return False
            return bytes(socket.readLine().data()) == ANSWER
        finally:
            socket.abort()

    def owner_pid(self) -> int | None:
        """The process id written in the lock file (for messages), if readable."""
        pid = self.lock.getLockInfo()[0]  # (pid, host, program); pid 0 when unreadable
        return int(pid) or None

    def release(self) -> None:
        """Stop listening and unlock (at exit)."""
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()
