"""What a test must not leave running: our threads, any non-daemon thread, active QTimers.

As napari's conftest does (`_dangling_qthreads`, `_dangling_qtimers`): threads are compared
with `threading.enumerate()` before and after the test, and every `QTimer.start` made from
Python is remembered (weakly) with where it was called. A leftover thread or timer runs into
the next test (a sweep writing to a closed cache, a timer firing on a half-deleted window) or
keeps the app alive at exit.

Threads and timers get a grace period to end (a sweep notices its cancel within 50 ms, a
pool's idle threads end when it is shut down): only what is still running after it fails the
test. What may outlive a test on purpose is listed in `ALLOWED`, each with why.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

# Our own threads (desktop.qt.worker, desktop.qt.stream, Backend.sweep): daemon or not, one
# left behind is a leak.
OURS = ("worker_", "sweep_", "stream")
# How long leftovers get to end after the test's own teardown.
GRACE_S = 5.0

# Threads that outlive a test on purpose: name prefix -> why.
ALLOWED: dict[str, str] = {}


def _ours_or_lasting(thread: threading.Thread) -> bool:
    if any(thread.name.startswith(prefix) for prefix in ALLOWED):
        return False
    return not thread.daemon or thread.name.startswith(OURS)


def _where() -> str:
    """The first caller outside this module and Qt's/pytest-qt's own wrappers."""
    frame = sys._getframe(2)
    while frame is not None and "pytestqt" in frame.f_code.co_filename:
        frame = frame.f_back  # type: ignore[assignment]
    if frame is None:
        return "?"
    return f"{frame.f_code.co_filename}:{frame.f_lineno}"


class Watch:
    """One test's threads and timers."""

    def __init__(self) -> None:
        self.before = set(threading.enumerate())
        self.timers: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()

    def threads(self) -> list[threading.Thread]:
        return [
            t
            for t in threading.enumerate()
            if t not in self.before and t.is_alive() and _ours_or_lasting(t)
        ]

    def active_timers(self) -> list[tuple[object, str]]:
        found = []
        for timer, where in list(self.timers.items()):
            try:
                if timer.isActive():  # type: ignore[attr-defined]
                    found.append((timer, where))
            except RuntimeError:  # its C++ object is gone: it cannot fire
                continue
        return found

    def leftovers(self, grace_s: float = GRACE_S) -> tuple[list[threading.Thread], list[str]]:
        """What is still running once `grace_s` has passed (or nothing is)."""
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        deadline = time.monotonic() + grace_s
        while True:
            if app is not None:
                app.processEvents()  # deferred deletes and queued ends of what just stopped
            threads, timers = self.threads(), self.active_timers()
            if (not threads and not timers) or time.monotonic() >= deadline:
                break
            for thread in threads:
                thread.join(0.02)
            if not threads:
                time.sleep(0.02)
        for timer, _ in timers:
            timer.stop()  # type: ignore[attr-defined]  # not into the next test
        return threads, [where for _timer, where in timers]


@contextmanager
def watching_timers(watch: Watch) -> Iterator[None]:
    """Remember every QTimer started from Python meanwhile, and where."""
    from PySide6.QtCore import QTimer

    start = QTimer.start

    def recorded(timer: QTimer, *args: object) -> None:
        watch.timers[timer] = _where()
        start(timer, *args)  # type: ignore[arg-type]

    QTimer.start = recorded  # type: ignore[method-assign]
    try:
        yield
    finally:
        QTimer.start = start  # type: ignore[method-assign]


def describe(threads: list[threading.Thread], timers: list[str]) -> str:
    lines = []
    if threads:
        frames = sys._current_frames()
        lines.append("Threads left running (shut the worker down, stop or cancel the sweep):")
        for thread in threads:
            frame = frames.get(thread.ident or -1)
            ours = [
                f"{f.filename}:{f.lineno}"
                for f in (traceback.extract_stack(frame) if frame else [])
                if "/desktop/" in f.filename or "/tests/" in f.filename
            ]
            at = f" in {ours[-1]}" if ours else ""
            lines.append(f"  {thread.name} (daemon={thread.daemon}){at}")
    if timers:
        lines.append("QTimers left running (stop them when their owner closes), started at:")
        lines.extend(f"  {where}" for where in timers)
    return "\n".join(lines)
