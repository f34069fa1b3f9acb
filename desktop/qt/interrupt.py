"""Ctrl+C in the terminal (SIGINT) and SIGTERM end the app as closing its windows does.

Python runs a signal's handler only between bytecodes of the main thread, and the GUI thread
spends its time inside Qt's event loop: Ctrl+C waited for the next Python slot (or forever, when
nothing ran), and then raised KeyboardInterrupt in whatever slot that was. Here the C-level
handler writes the signal's number to a socket (`signal.set_wakeup_fd`), a QSocketNotifier wakes
the event loop on it, and the GUI thread closes every window (their close handlers save drafts
and stop the workers). A second signal, if closing hangs, quits the loop at once.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

SIGNALS = tuple(
    s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None
)


class Interrupts(QObject):
    """Installed for the app's run (`install`), then put back as they were (`uninstall`).

    `on_first`: what the first signal does (close the windows); `on_second`: what another does
    while the first is being handled (leave the loop)."""

    def __init__(
        self,
        on_first: Callable[[], None],
        on_second: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_first, self._on_second = on_first, on_second
        self.received = 0
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._previous: dict[int, object] = {}
        self._previous_fd: int | None = None

    def install(self) -> bool:
        """True when installed; False where signals cannot be set (not the main thread)."""
        try:
            self._previous_fd = signal.set_wakeup_fd(
                self._writer.fileno(), warn_on_full_buffer=False
            )
            for number in SIGNALS:
                # A Python-level handler must be set for the wakeup byte to be written; a
                # SIGINT ignored by the shell that started us (`cmd &`) is taken back too.
                self._previous[number] = signal.signal(number, _noted)
        except ValueError:  # not the main thread of the main interpreter
            self.uninstall()
            return False
        log.info("running: Ctrl+C or SIGTERM closes the windows")
        return True

    def uninstall(self) -> None:
        for number, previous in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, previous)  # type: ignore[arg-type]
        self._previous.clear()
        if self._previous_fd is not None:
            with contextlib.suppress(ValueError):
                signal.set_wakeup_fd(self._previous_fd)
            self._previous_fd = None
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

    def _woken(self) -> None:
        try:
            data = self._reader.recv(64)
        except OSError:
            return
        for number in data:
            self.received += 1
            log.info("signal %s: closing", number)
            (self._on_first if self.received == 1 else self._on_second)()


def _noted(_number: int, _frame: FrameType | None) -> None:
    """Nothing in Python: the wakeup byte (written by the C handler) does the work."""
