"""One Partner Desk window per user and data folder (issue 18, defect 4).

A second start hands its command line to the running one and leaves: the running one brings
its window forward and acts on it (`--open-customer`). Two running copies had each their own
window on the same drafts, and could each file the same draft.

Qt's local sockets (a Unix socket in the temp folder, a named pipe on Windows), named after the
user and the data folder: tests and portable installs with a folder of their own
(PARTNER_DESK_HOME) are apart, as they share no drafts. The message is one line of JSON,
`{"argv": [...]}`, answered by one line, `ok`.

Threads: the second start's side (`hand_over`) blocks for at most a few hundred milliseconds
and runs on the worker; the running one's side (`Listener`) is driven by signals on the GUI
thread and never waits for a client. A client that does not finish its line in time is dropped.

A crashed first instance leaves its Unix socket file behind: a start that finds nobody
answering on it removes it (`QLocalServer.removeServer`) and listens itself.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from desktop.config.paths import planned

log = logging.getLogger(__name__)

# How long a second start waits for the first to answer, each step (connect, write, answer).
# A live first instance answers from its event loop within milliseconds; one that does not
# answer in this long is hung or gone, and the second start then opens a window of its own.
HAND_OVER_WAIT_MS: Final = 1500
# A client that connected but did not send its whole line by then is dropped.
CLIENT_LINE_WAIT_MS: Final = 3000
MAX_MESSAGE_BYTES: Final = 64 * 1024


def server_name() -> str:
    """The socket's name: the app, and a digest of the user and the data folder."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container): the folder still differs
        user = ""
    key = f"{user}\0{planned('data').absolute()}".encode()
    return f"partner-desk-{hashlib.sha256(key).hexdigest()[:16]}"


def _message(argv: Sequence[str]) -> bytes:
    return json.dumps({"argv": list(argv)}).encode() + b"\n"


def hand_over(name: str, argv: Sequence[str], wait_ms: int = HAND_OVER_WAIT_MS) -> bool:
    """Give `argv` to the Partner Desk listening on `name`; True once it said it took them.
    False when none answers (none runs, or a stale socket). Blocks: worker thread only."""
    socket = QLocalSocket()
    try:
        socket.connectToServer(name)
        if not socket.waitForConnected(wait_ms):
            return False
        socket.write(_message(argv))
        if not socket.waitForBytesWritten(wait_ms):
            return False
        answer = b""
        while not answer.endswith(b"\n"):
            if not socket.waitForReadyRead(wait_ms):
                return False
            answer += bytes(socket.readAll().data())
        return answer.strip() == b"ok"
    finally:
        socket.abort()
        socket.deleteLater()


class Listener(QObject):
    """The running Partner Desk's end: takes the command lines of later starts.

    Signals:
        received(list): a later start's command line (its arguments, without the program).
    """

    received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (on Unix the socket file is made 0700-like for the user).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self, remove_stale: bool = False) -> bool | None:
        """Listen on the name: True. None when the name is in use and `remove_stale` is
        False: the caller asks once more whether anyone answers on it (another start at the
        same moment may have just begun to listen), then calls again with `remove_stale`,
        which removes what a crashed Partner Desk left. False when listening fails otherwise
        (logged): the app runs on, without the hand-over."""
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            if not remove_stale:
                return None
            log.info("removing a stale single-instance socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if self._server.listen(self.name):
                return True
        log.warning("single-instance socket not listening: %s", self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                _Client(socket, self.received.emit, self)


class _Client(QObject):
    """One later start's connection: its line read as it arrives, answered, closed."""

    def __init__(
        self, socket: QLocalSocket, deliver: Callable[[list[str]], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._socket = socket
        self._deliver = deliver
        self._data = b""
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._drop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._drop)
        self._timer.start(CLIENT_LINE_WAIT_MS)
        self._read()  # bytes may have come with the connection

    def _read(self) -> None:
        self._data += bytes(self._socket.readAll().data())
        if len(self._data) > MAX_MESSAGE_BYTES:
            self._drop()
            return
        if not self._data.endswith(b"\n"):
            return
        self._timer.stop()
        try:
            argv = json.loads(self._data)["argv"]
            if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
                raise ValueError("argv is not a list of strings")
        except (ValueError, KeyError, TypeError) as error:
            log.warning("a later start sent what is not a command line: %s", error)
            self._drop()
            return
        self._socket.write(b"ok\n")
        self._socket.flush()
        self._socket.disconnectFromServer()
        self._deliver(argv)

    def _drop(self) -> None:
        self._timer.stop()
        self._socket.abort()
        self.deleteLater()


__all__ = ["HAND_OVER_WAIT_MS", "Listener", "hand_over", "server_name"]
