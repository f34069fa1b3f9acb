"""Background work for the GUI: one API, three shapes, failures routed by type.

- `run(fn, *args)`: one result. The call starts on the worker's pool at once; the GUI awaits it
  (`detail = await worker.run(backend.customer, tid)`, resumed on the GUI thread by qasync) or,
  at start-up, checks it without a turn of the loop (`Job` is a `concurrent.futures.Future`).
- `stream(produce, on_batch, on_end)`: results as they come. `produce(cancel, pool)` (a backend
  sweep) runs on a thread of its own, its calls on the worker's sweep pool, and the GUI gets the
  outcomes in batches on a timer (`desktop.qt.stream`).
- `lane()`: newest wins. A new request of a view cancels the older one, whose late answer is
  dropped (`Superseded`).
- `spawn(coroutine)`: a GUI coroutine nobody awaits (a click handler, a pane load), held until
  it ends.

Before the asyncio loop exists (start-up, until the first paint: desktop.gui_frame), the GUI
thread reads a Job with `result_of`, Qt's events running meanwhile; asyncio is imported when
first used, not with this module.

Whatever escapes them ends by its type (`desktop.qt.failures`): a cancel silently, a typed
failure (ApiError, AuthError) nobody handled on `failed` for the status bar, anything else at
the crash reporter. On quit, `shutdown()` cancels everything and waits a bounded while.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Generator, Iterable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Signal

from desktop.config.limits import MAX_CONCURRENCY
from desktop.qt.failures import Superseded, is_cancel, report, unexpected
from desktop.qt.stream import Ended, Stream

if TYPE_CHECKING:
    import asyncio

    from desktop.services.engine import Engine

T = TypeVar("T")
log = logging.getLogger(__name__)

__all__ = ["SHUTDOWN_WAIT_S", "Ended", "Job", "Lane", "Stream", "Superseded", "Worker"]

# How long closing the app waits for calls in flight (drafts and cache writes take
# milliseconds; a held HTTP read would take its whole timeout).
SHUTDOWN_WAIT_S = 2.0


class Job(Future[T]):
    """A call on the worker's pool: await it on the GUI thread, or read it as a Future."""

    def __await__(self) -> Generator[Any, None, T]:
        import asyncio

        return asyncio.wrap_future(self).__await__()


class Worker(QObject):
    """Owns the threads that run every blocking call of the GUI.

    `after_batch`: called on the GUI thread after each batch a stream delivers (the app's heap
    policy, desktop.gui).

    Signals:
        busy_changed(int): the number of calls running, for a busy indicator.
        failed(object): a typed failure (ApiError, AuthError) that escaped a spawned coroutine,
            for the status bar; the error is the argument.
    """

    busy_changed = Signal(int)
    failed = Signal(object)
    _call_ended = Signal()  # from any thread; counted down on the GUI thread

    def __init__(
        self,
        max_workers: int = 8,
        parent: QObject | None = None,
        after_batch: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="worker")
        # A sweep's calls: as many as the largest concurrency a setting allows, made when
        # needed and kept for the next sweep; the sweep itself bounds how many it uses.
        self._sweep_pool = ThreadPoolExecutor(
            max_workers=MAX_CONCURRENCY, thread_name_prefix="sweep"
        )
        self.after_batch = after_batch
        self._busy = 0
        self._jobs: set[Job[Any]] = set()
        self._jobs_lock = threading.Lock()
        self._cancels: set[threading.Event] = set()
        self._streams: set[Stream[Any]] = set()
        self._tasks: set[asyncio.Future[Any]] = set()
        self._closed = False
        self._call_ended.connect(self._count_down)
        # The sweep engine's process (desktop.services.engine), app-wide like the threads; None:
        # sweeps run on the sweep pool.
        self.engine: Engine | None = None

    # -- one result -------------------------------------------------------------------------

    def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Job[T]:
        """Start `fn(*args, **kwargs)` on the pool now; its result (or error) is the Job's."""
        if self._closed:
            raise _shut_down()
        job: Job[T] = Job()
        call = functools.partial(fn, *args, **kwargs)

        def fill() -> None:
            if not job.set_running_or_notify_cancel():
                return  # cancelled before it started (its awaiter went away)
            try:
                result = call()
            except BaseException as error:  # the awaiter's to handle, as if it had called it
                job.set_exception(error)
            else:
                job.set_result(result)

        with self._jobs_lock:
            self._jobs.add(job)
        self._busy += 1
        self.busy_changed.emit(self._busy)
        job.add_done_callback(self._job_done)
        self._pool.submit(fill)
        return job

    def result_of(self, job: Job[T]) -> T:
        """`job`'s result (or error), on the GUI thread before the asyncio loop exists: Qt's
        events run until the job is done, as they would while it was awaited."""
        if not job.done():
            events = QEventLoop()

            def check() -> None:  # queued to the GUI thread from the job's
                if job.done():
                    events.quit()

            self._call_ended.connect(check)
            try:
                if not job.done():
                    events.exec()
            finally:
                self._call_ended.disconnect(check)
        return job.result()

    def _job_done(self, job: Future[Any]) -> None:  # on the pool's thread, or the GUI's
        with self._jobs_lock:
            self._jobs.discard(job)
        self._call_ended.emit()

    def _count_down(self) -> None:
        self._busy -= 1
        self.busy_changed.emit(self._busy)

    # -- nobody awaits it -------------------------------------------------------------------

    def spawn(self, work: Awaitable[Any]) -> asyncio.Future[Any]:
        """Start a GUI coroutine (or a Job) that nobody awaits: a click handler, a pane load.

        The loop keeps only weak references to tasks, so an unowned task can vanish mid-await:
        it is held until it ends, and what it raised goes where its type says (the module's
        docstring), never lost in the log.
        """
        import asyncio

        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Future[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None or is_cancel(error):
            return
        name = _name_of(task)
        if unexpected(error):
            report(error, f"the background task {name} failed")
            return
        log.info("%s failed: %s", name, error)
        self.failed.emit(error)

    # -- newest wins ------------------------------------------------------------------------

    def lane(self) -> Lane:
        return Lane(self)

    # -- results as they come ---------------------------------------------------------------

    def stream(
        self,
        produce: Callable[[threading.Event, Executor], Iterable[T]],
        on_batch: Callable[[list[T]], None],
        on_end: Callable[[Ended], None] | None = None,
        interval_ms: int = 100,
        owner: QObject | None = None,
    ) -> Stream[T]:
        """Start `produce(cancel, pool)` (a generator of outcomes) on a thread of its own; its
        outcomes reach `on_batch` in batches, then `on_end` says how it ended. With an `owner`,
        delivery stops when the owner is destroyed."""
        if self._closed:
            raise _shut_down()
        stream: Stream[T] = Stream(
            lambda cancel: produce(cancel, self._sweep_pool),
            on_batch,
            on_end,
            interval_ms,
            owner or self,
            after_batch=self._after_batch,
            ended=self._streams.discard,
        )
        self._streams.add(stream)
        stream.start()
        return stream

    def _after_batch(self) -> None:
        if self.after_batch is not None:
            self.after_batch()

    # -- quitting ---------------------------------------------------------------------------

    def _track(self, cancel: threading.Event) -> None:
        self._cancels.add(cancel)

    def _untrack(self, cancel: threading.Event) -> None:
        self._cancels.discard(cancel)

    def shutdown(self, wait: bool = True, timeout: float = SHUTDOWN_WAIT_S) -> None:
        """Cancel everything and (by default) wait up to `timeout` for running calls to return.

        A call blocked on a server that holds its answer only notices its cancel when the read
        times out (30 s by default): closing the window must not wait that long. What is still
        running after `timeout` is left behind (`desktop.app` then exits without joining it).
        Until such a call has returned, keep the worker referenced: its job holds the worker,
        and the last reference dropped on the call's thread deletes this QObject there, racing
        the GUI thread that delivers the job's queued end (a segfault, tests/test_shutdown.py).
        """
        self._closed = True
        # Kept aside: stop() takes each stream off `_streams`, and the join below must still
        # see it (it did not, and sweeps wrote to the cache after the app had closed it).
        streams = list(self._streams)
        for stream in streams:
            stream.stop()
        for cancel in list(self._cancels):
            cancel.set()
        with self._jobs_lock:
            jobs = list(self._jobs)
        for job in jobs:
            job.cancel()  # not started: its awaiter hears CancelledError, not nothing for good
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._sweep_pool.shutdown(wait=False, cancel_futures=True)
        if wait:
            deadline = time.monotonic() + timeout
            for stream in streams:  # first: a sweep's driver stops its calls as it ends
                stream.join(max(0.0, deadline - time.monotonic()))
            # ThreadPoolExecutor.shutdown has no timeout: join its threads ourselves.
            for pool in (self._pool, self._sweep_pool):
                for thread in list(getattr(pool, "_threads", ())):
                    thread.join(max(0.0, deadline - time.monotonic()))
        if self.engine is not None:
            self.engine.close()  # after the streams: it commits what it holds, then ends


def _shut_down() -> BaseException:
    import asyncio

    return asyncio.CancelledError("the worker is shut down")


def _name_of(task: asyncio.Future[Any]) -> str:
    import asyncio

    coro = task.get_coro() if isinstance(task, asyncio.Task) else None
    return getattr(coro, "__qualname__", None) or repr(task)


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
