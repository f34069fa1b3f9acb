"""Worker.run: work submitted at once (start-up reads run while the window imports)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
import qasync

from desktop.qt.worker import Worker


@pytest.fixture
def loop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


def test_run_starts_before_the_loop_turns_and_is_counted(loop):
    worker = Worker()
    busy: list[int] = []
    worker.busy_changed.connect(busy.append)
    started = threading.Event()

    def job() -> int:
        started.set()
        return 7

    async def scenario() -> None:
        job_ = worker.run(job)
        assert started.wait(5)  # running while the GUI thread has not returned to the loop
        assert await job_ == 7
        assert job_.done()  # a concurrent Future too: read without a turn of the loop
        failed = worker.run(lambda: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            await failed
        await asyncio.sleep(0.05)

    try:
        loop.run_until_complete(scenario())
        assert busy[0] == 1
        assert busy[-1] == 0
    finally:
        worker.shutdown(wait=True)


def test_run_after_shutdown_is_refused(loop):
    worker = Worker()
    worker.shutdown(wait=True)
    with pytest.raises(asyncio.CancelledError):
        worker.run(lambda: None)


def test_result_of_runs_qt_events_until_the_job_is_done(qapp):
    """Start-up before the asyncio loop exists (desktop.gui_frame): the GUI thread reads a job
    with Qt's events running, not blocked (a timer set before fires while it waits)."""
    from PySide6.QtCore import QTimer

    worker = Worker()
    release = threading.Event()
    fired: list[str] = []
    QTimer.singleShot(0, lambda: (fired.append("timer"), release.set()))
    try:
        job = worker.run(lambda: release.wait(5) and 7)
        assert worker.result_of(job) == 7
        assert fired == ["timer"]  # only Qt's events could have set it
        with pytest.raises(ZeroDivisionError):
            worker.result_of(worker.run(lambda: 1 / 0))
    finally:
        worker.shutdown(wait=True)
