"""A stream of results from a thread to the GUI: queued by the thread, drained on a timer.

The worker starts one per sweep (`Worker.stream`): the table fills as answers arrive, with one
model update per batch (default every 100 ms), and `on_end` says how it ended: done, cancelled
by the user, or failed (an unexpected failure is reported too, `desktop.qt.failures`).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

from desktop.qt.failures import is_cancel, report, unexpected

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ended:
    """How a stream ended: run to its end, `cancelled` by its owner, or stopped by `error`
    (what its producer raised: a cancel of its own counts as cancelled, not as an error)."""

    cancelled: bool = False
    error: BaseException | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None

    @property
    def stopped(self) -> bool:
        """It did not run to its end: cancelled or failed."""
        return self.cancelled or self.failed


class Stream(Generic[T]):
    """A running stream: outcomes are queued by its thread and drained on the GUI thread."""

    def __init__(
        self,
        produce: Callable[[threading.Event], Iterable[T]],
        on_batch: Callable[[list[T]], None],
        on_end: Callable[[Ended], None] | None,
        interval_ms: int,
        owner: QObject,
        after_batch: Callable[[], None] = lambda: None,
        ended: Callable[[Stream[Any]], None] = lambda _stream: None,
    ) -> None:
        self._produce = produce
        self._on_batch = on_batch
        self._on_end = on_end
        self._after_batch = after_batch
        self._ended = ended
        self._queue: collections.deque[T] = collections.deque()
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, name="stream", daemon=True)
        self._timer = QTimer(owner)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._drain)
        self.delivered = 0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return not self._finished.is_set() or bool(self._queue)

    def start(self) -> None:
        self._thread.start()
        self._timer.start()

    def cancel(self) -> None:
        """Stop the calls; what already arrived is still delivered, then `on_end` (cancelled)."""
        self._cancel.set()

    def stop(self) -> None:
        """Cancel and deliver nothing more: the receiver is going away."""
        self._cancel.set()
        self._on_end = None
        self._on_batch = lambda _batch: None
        with contextlib.suppress(RuntimeError):  # the owner (and so the timer) is already gone
            self._timer.stop()
        self._ended(self)

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _main(self) -> None:
        try:
            for outcome in self._produce(self._cancel):
                self._queue.append(outcome)
        except BaseException as error:  # said on the GUI thread by _drain
            self._error = error
        finally:
            self._finished.set()

    def _drain(self) -> None:
        batch: list[T] = []
        while self._queue:
            batch.append(self._queue.popleft())
        if batch:
            self.delivered += len(batch)
            self._on_batch(batch)
            self._after_batch()
        if self._finished.is_set() and not self._queue:
            self._timer.stop()
            self._ended(self)
            ended = self._end()
            if self._on_end is not None:
                self._on_end(ended)

    def _end(self) -> Ended:
        error = self._error
        if error is None or is_cancel(error):
            return Ended(cancelled=self._cancel.is_set() or error is not None)
        if unexpected(error):
            report(error, "a sweep failed")
        else:
            log.warning("a sweep failed: %s", error)
        return Ended(cancelled=self._cancel.is_set(), error=error)
