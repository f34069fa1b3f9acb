"""The worker's one operation API: every failure ends where its type says.

An unexpected exception in any background operation (run, stream, lane, a spawned click
handler) reaches the crash reporter, once; a failure of the services (ApiError, AuthError) is
its owner's to say (or the worker's `failed` signal), a cancel ends silently, and a stream that
failed ends differently from one that was cancelled.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import Any

import pytest
import qasync

from desktop.qt.worker import Ended, Superseded, Worker
from desktop.services.backend import CANCELLED, ApiError, Category
from desktop.ui.dialogs.crash import CrashReporter
from desktop.ui.errors import explain


@pytest.fixture
def loop(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def reporter(loop) -> CrashReporter:
    """The app's crash reporter, behind the loop's exception handler as desktop.gui sets it."""
    found = CrashReporter(lambda: None, show_dialogs=False)
    loop.set_exception_handler(found.loop_handler)
    return found


@pytest.fixture
def worker(loop) -> Iterator[Worker]:
    made = Worker()
    yield made
    made.shutdown(wait=True)


def settle(loop: asyncio.AbstractEventLoop, task: asyncio.Future[Any]) -> None:
    """Until `task` has ended and its done callbacks have run."""

    async def wait() -> None:
        await asyncio.wait([task])
        await asyncio.sleep(0)

    loop.run_until_complete(wait())


def broken() -> None:
    raise RuntimeError("a bug on the worker thread")


def also_broken() -> None:
    raise ValueError("another bug")


def test_an_exception_in_a_spawned_click_handler_reaches_the_crash_reporter(loop, reporter, worker):
    async def on_click() -> None:
        raise KeyError("a bug in a click handler")

    settle(loop, worker.spawn(on_click()))
    assert len(reporter.reports) == 1
    assert "a bug in a click handler" in reporter.reports[0]
    assert "on_click" in reporter.reports[0]  # which handler


def test_an_exception_in_a_run_call_reaches_the_crash_reporter_once(loop, reporter, worker):
    async def on_click() -> None:
        await worker.run(broken)

    settle(loop, worker.spawn(on_click()))
    assert len(reporter.reports) == 1
    assert "a bug on the worker thread" in reporter.reports[0]
    # Not awaited by a handler at all: spawned itself.
    settle(loop, worker.spawn(worker.run(also_broken)))
    assert len(reporter.reports) == 2
    # The same bug again (a sweep's every customer, a second click): reported once.
    settle(loop, worker.spawn(worker.run(also_broken)))
    assert len(reporter.reports) == 2


def test_an_exception_in_a_lane_reaches_the_crash_reporter(loop, reporter, worker):
    lane = worker.lane()

    async def load() -> None:
        await lane.run(lambda _cancel: broken())

    settle(loop, worker.spawn(load()))
    assert len(reporter.reports) == 1
    assert "a bug on the worker thread" in reporter.reports[0]


def test_a_failure_shown_as_something_went_wrong_reaches_the_crash_reporter(loop, reporter, worker):
    """A pane catches what its load raised and shows it: a bug is reported all the same."""
    lane = worker.lane()
    shown: list[str] = []

    async def load() -> None:
        try:
            await lane.run(lambda _cancel: broken())
        except Exception as error:
            shown.append(explain(error).title)

    settle(loop, worker.spawn(load()))
    assert shown == ["Something went wrong"]
    assert len(reporter.reports) == 1
    assert "a bug on the worker thread" in reporter.reports[0]


def test_the_services_failures_go_to_their_owner_not_to_the_crash_reporter(loop, reporter, worker):
    failed: list[BaseException] = []
    worker.failed.connect(failed.append)
    denied = ApiError("Forbidden", status=403)

    async def on_click() -> None:
        raise denied

    settle(loop, worker.spawn(on_click()))
    assert failed == [denied]  # for the status bar (desktop.gui)
    assert explain(denied).title == "Access denied"
    assert reporter.reports == []


def test_a_cancel_and_a_superseded_request_end_silently(loop, reporter, worker):
    failed: list[BaseException] = []
    worker.failed.connect(failed.append)
    lane = worker.lane()
    release = threading.Event()

    async def older() -> str:
        return await lane.run(lambda _cancel: release.wait(5) and "older")

    async def cancelled() -> None:
        raise ApiError("Cancelled.", kind=CANCELLED)

    first = worker.spawn(older())
    second = worker.spawn(lane.run(lambda _cancel: "newer"))
    settle(loop, second)
    release.set()
    settle(loop, first)
    assert second.result() == "newer"
    assert isinstance(first.exception(), Superseded)
    settle(loop, worker.spawn(cancelled()))
    assert failed == []
    assert reporter.reports == []


def stream_of(
    loop: asyncio.AbstractEventLoop,
    worker: Worker,
    produce: Any,
    cancel_after: int | None = None,
) -> tuple[list[int], Ended]:
    """Run a stream to its end: what it delivered, and how it ended."""
    delivered: list[int] = []
    ended: asyncio.Future[Ended] = loop.create_future()
    holder: list[Any] = []

    def on_batch(batch: list[int]) -> None:
        delivered.extend(batch)
        if cancel_after is not None and len(delivered) >= cancel_after:
            holder[0].cancel()

    holder.append(worker.stream(produce, on_batch, ended.set_result, interval_ms=10))
    return delivered, loop.run_until_complete(asyncio.wait_for(ended, 10))


def test_a_stream_runs_its_calls_on_the_workers_sweep_pool(loop, reporter, worker):
    names: list[str] = []

    def produce(cancel: threading.Event, pool: Executor) -> Iterator[int]:
        for n in range(3):
            yield pool.submit(
                lambda n=n: names.append(threading.current_thread().name) or n
            ).result()

    delivered, ended = stream_of(loop, worker, produce)
    assert delivered == [0, 1, 2]
    assert ended == Ended()
    assert not ended.stopped
    assert names
    assert all(name.startswith("sweep_") for name in names)
    assert reporter.reports == []


def test_a_failed_stream_is_reported_and_ends_failed_not_cancelled(loop, reporter, worker):
    def produce(cancel: threading.Event, pool: Executor) -> Iterator[int]:
        yield 1
        raise RuntimeError("a bug in the sweep")

    delivered, ended = stream_of(loop, worker, produce)
    assert delivered == [1]  # what arrived before the failure is still delivered
    assert ended.failed
    assert ended.stopped
    assert not ended.cancelled
    assert len(reporter.reports) == 1
    assert "a bug in the sweep" in reporter.reports[0]


def test_a_cancelled_stream_ends_cancelled_and_is_not_reported(loop, reporter, worker):
    def produce(cancel: threading.Event, pool: Executor) -> Iterator[int]:
        n = 0
        while not cancel.wait(0.005):
            n += 1
            yield n

    delivered, ended = stream_of(loop, worker, produce, cancel_after=1)
    assert delivered
    assert ended == Ended(cancelled=True)
    assert ended.stopped
    assert not ended.failed
    assert reporter.reports == []


def test_a_stream_stopped_by_a_service_failure_is_not_a_crash(loop, reporter, worker):
    down = ApiError("Service unavailable", status=503)

    def produce(cancel: threading.Event, pool: Executor) -> Iterator[int]:
        raise down
        yield 0

    _delivered, ended = stream_of(loop, worker, produce)
    assert ended.error is down
    assert ended.failed
    assert reporter.reports == []


def test_failures_are_typed_where_they_are_raised():
    assert ApiError("x", status=403, service="graph").category is Category.NO_ACCESS
    assert ApiError("x", status=403).category is Category.FAILED  # Partner Center's refusal
    assert ApiError("x", status=429).category is Category.THROTTLED
    assert ApiError("x", kind="network").category is Category.OFFLINE
    assert ApiError("x", kind=CANCELLED).category is Category.CANCELLED
