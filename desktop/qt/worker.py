"""Background work for the GUI: blocking backend calls on threads, results on the GUI thread.

- `Worker.run(fn, *args)` awaits `fn` on the worker pool (qasync's loop resumes the coroutine
  on the GUI thread), so UI code reads like `detail = await worker.run(backend.customer, tid)`.
- `Lane` keeps one fetch in flight per view: a newer request supersedes the older one, whose
  late answer is dropped (`Superseded`), and whose retries stop through its cancel event.
- `Sweep` runs a backend sweep on a thread and hands outcomes to the GUI in batches on a timer
  (default every 100 ms): the table fills as answers arrive, with one model update per batch.
On quit, `Worker.shutdown()` cancels every sweep and lane and waits for the threads.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import gc
import logging
import threading
import time
from collections.abc import Callable, Coroutine, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

T = TypeVar("T")
log = logging.getLogger(__name__)

# How long closing the app waits for calls in flight (drafts and cache writes take
# milliseconds; a held HTTP read would take its whole timeout).
SHUTDOWN_WAIT_S = 2.0


def settle_heap() -> None:
    """Move everything alive now out of the cyclic collector's sight (`gc.freeze`).

    A sweep of 10,000 customers keeps hundreds of thousands of objects alive; each full
    collection then walked all of them and held the GIL for 50-80 ms (measured with
    gc.callbacks in bench/dashboard.py), a stall the user sees. Frozen objects are still freed
    by reference counting; cyclic garbage would be kept, so the young generations (where it
    is, cheap to walk: 1-2 ms) are collected first. Objects frozen mid-request that became
    cyclic garbage later are kept (peak memory at 10,000 customers: 174 → 224 MB); unfreezing
    after the sweep moved a full collection, and its pause, to just after it. The freeze
    itself moves list heads.
    """
    gc.collect(1)
    gc.freeze()


class Superseded(Exception):  # noqa: N818 (a state, not an error)
    """A newer request for the same view replaced this one; nothing to show."""


class Worker(QObject):
    """Owns the thread pool that runs every blocking call of the GUI.

    Signals:
        busy_changed(int): the number of calls running, for a busy indicator.
    """

    busy_changed = Signal(int)

    def __init__(self, max_workers: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="worker")
        self._busy = 0
        self._cancels: set[threading.Event] = set()
        self._sweeps: set[Sweep[Any]] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Start a GUI coroutine that nobody awaits (a click handler, a pane load).

        The loop keeps only weak references to tasks, so an unowned task can vanish mid-await;
        we hold it until it ends, and log what it raised instead of losing it silently.
        """
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        exc = None if task.cancelled() else task.exception()
        if exc is not None and not isinstance(exc, Superseded):
            log.error("background task failed", exc_info=exc)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._closed:
            raise asyncio.CancelledError("the worker is shut down")
        loop = asyncio.get_running_loop()
        self._busy += 1
        self.busy_changed.emit(self._busy)
        try:
            return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))
        finally:
            self._busy -= 1
            self.busy_changed.emit(self._busy)

    def start(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """`run`, submitted at once rather than when first awaited; await `asyncio.wrap_future`.

        The call runs while the GUI thread goes on with something synchronous (at start-up:
        importing and building the window while the files are read), and the GUI thread can
        see it has ended without a turn of the loop (`Future.done()`).
        """
        if self._closed:
            raise asyncio.CancelledError("the worker is shut down")
        future = self._pool.submit(functools.partial(fn, *args, **kwargs))
        self._busy += 1
        self.busy_changed.emit(self._busy)
        # Counted down on the loop's thread, like `run`.
        asyncio.wrap_future(future).add_done_callback(self._started_done)
        return future

    def _started_done(self, future: asyncio.Future[Any]) -> None:
        if not future.cancelled():
            future.exception()  # its owner reads it from the original; this copy is seen too
        self._busy -= 1
        self.busy_changed.emit(self._busy)

    def lane(self) -> Lane:
        return Lane(self)

    def sweep(
        self,
        run: Callable[[threading.Event], Iterable[T]],
        on_batch: Callable[[list[T]], None],
        on_done: Callable[[bool], None] | None = None,
        interval_ms: int = 100,
        owner: QObject | None = None,
    ) -> Sweep[T]:
        """Start `run(cancel)` (a generator of outcomes) on a thread; batches reach `on_batch`.

        With an `owner`, delivery stops when the owner is destroyed.
        """
        sweep: Sweep[T] = Sweep(self, run, on_batch, on_done, interval_ms, owner)
        self._sweeps.add(sweep)
        sweep.start()
        return sweep

    def _track(self, cancel: threading.Event) -> None:
        self._cancels.add(cancel)

    def _untrack(self, cancel: threading.Event) -> None:
        self._cancels.discard(cancel)

    def _sweep_done(self, sweep: Sweep[Any]) -> None:
        self._sweeps.discard(sweep)

    def shutdown(self, wait: bool = True, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel everything and (by default) wait up to `timeout` for running calls to return.

        A call blocked on a server that holds its answer only notices its cancel when the read
        times out (30 s by default): closing the window must not wait that long. What is still
        running after `timeout` is left behind (`desktop.app` then exits without joining it).
        """
        self._closed = True
        # Kept aside: stop() takes each sweep off `_sweeps`, and the join below must still see
        # it (it did not, and sweeps wrote to the cache after the app had closed it).
        sweeps = list(self._sweeps)
        for sweep in sweeps:
            sweep.stop()
        for cancel in list(self._cancels):
            cancel.set()
        self._pool.shutdown(wait=False, cancel_futures=True)
        if wait:
            deadline = time.monotonic() + timeout
            # ThreadPoolExecutor.shutdown has no timeout: join its threads ourselves.
            for thread in list(getattr(self._pool, "_threads", ())):
                thread.join(max(0.0, deadline - time.monotonic()))
            for sweep in sweeps:
                sweep.join(max(0.0, deadline - time.monotonic()))


class Lane:
    """One in-flight fetch per view; the newest request wins."""

    def __init__(self, worker: Worker) -> None:
        self._worker = worker
        self._generation = 0
        self._cancel: threading.Event | None = None

    def cancel(self) -> None:
        self._generation += 1
        if self._cancel is not None:
            self._cancel.set()
            self._cancel = None

    async def run(self, fn: Callable[[threading.Event], T]) -> T:
        """Run `fn(cancel)`; raise Superseded if a newer run started meanwhile."""
        self.cancel()
        generation = self._generation
        cancel = self._cancel = threading.Event()
        self._worker._track(cancel)
        try:
            result = await self._worker.run(fn, cancel)
        except Exception:
            if generation != self._generation:
                raise Superseded() from None
            raise
        finally:
            self._worker._untrack(cancel)
        if generation != self._generation:
            raise Superseded()
        return result


class Sweep(Generic[T]):
    """A running sweep: outcomes are queued by the thread and drained on the GUI thread."""

    def __init__(
        self,
        worker: Worker,
        run: Callable[[threading.Event], Iterable[T]],
        on_batch: Callable[[list[T]], None],
        on_done: Callable[[bool], None] | None,
        interval_ms: int,
        owner: QObject | None = None,
    ) -> None:
        self._worker = worker
        self._run = run
        self._on_batch = on_batch
        self._on_done = on_done
        self._queue: collections.deque[T] = collections.deque()
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, name="sweep-driver", daemon=True)
        self._timer = QTimer(owner or worker)
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
        """Stop the calls; what already arrived is still delivered, then `on_done(True)`."""
        self._cancel.set()

    def stop(self) -> None:
        """Cancel and deliver nothing more: the receiver is going away."""
        self._cancel.set()
        self._on_done = None
        self._on_batch = lambda _batch: None
        with contextlib.suppress(RuntimeError):  # the owner (and so the timer) is already gone
            self._timer.stop()
        self._worker._sweep_done(self)

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def _main(self) -> None:
        try:
            iterator: Iterator[T] = iter(self._run(self._cancel))
            for outcome in iterator:
                self._queue.append(outcome)
        except BaseException as error:  # reported on the GUI thread by _drain
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
            settle_heap()
        if self._finished.is_set() and not self._queue:
            self._timer.stop()
            self._worker._sweep_done(self)
            if self._error is not None:
                log.error("sweep failed", exc_info=self._error)
            if self._on_done is not None:
                self._on_done(self._cancel.is_set() or self._error is not None)
