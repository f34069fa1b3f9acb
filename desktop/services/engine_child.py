"""The sweep engine's child process (desktop.services.engine is the parent's half). No Qt.

Its main, `serve`, reads commands (a sweep, a cancel) beside the sweep it runs, and answers on
one pipe: batches of outcomes, each committed to the cache before it is sent; the end of a
sweep; and its log records, which the parent writes to the app's log (one process owns the log
file, so rotation never races). It keeps one backend per sign-in and one cache connection per
file for its whole life: a cancelled sweep's calls still in flight may finish after the sweep
has ended, and they must find both still open.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Generic, TypeVar

from desktop.domain.customers import Customer
from desktop.services.backend import Backend, Outcome, Recipe
from desktop.services.notices import NoticeRules

T = TypeVar("T")
log = logging.getLogger(__name__)

# A batch leaves the child this often (or when it is this big): small enough that unpickling one
# on the GUI side is a short hold of the interpreter lock, big enough to be few messages.
BATCH_S = 0.05
BATCH_MAX = 64
# The engine's niceness on Linux and macOS (Windows: below normal): as a desktop's indexers and
# backup agents run, so a sweep yields the CPU to the window on a busy machine.
BACKGROUND_NICENESS = 10


class EngineError(RuntimeError):
    """The engine's process kept dying: the sweep stops; the rows delivered are kept."""


class NoBackendError(EngineError):
    """The engine's process could not sign in as the app did (say, a sign-in that needs the
    user): the caller sweeps on its own threads instead."""


# What a job sweeps: every customer's health (desktop.services.health_sweep), or its message
# center (desktop.services.message_read).
HEALTH_JOB, MESSAGES_JOB = "health", "messages"


@dataclass(frozen=True)
class SweepJob(Generic[T]):
    """One sweep for the engine, in picklable form: `kind`, for whom, and what `sweep_health`
    takes (`then`, a module-level function pickled by name, makes a health outcome's value).
    `cache`: the cache file the child writes for `source` (None: no cache writes, no
    notices)."""

    recipe: Recipe
    customers: list[Customer]
    then: Callable[[Customer, Any], T] | None = None
    cache: Path | None = None
    source: str = ""
    rules: NoticeRules | None = None
    with_issues: bool = True
    concurrency: int | None = None
    kind: str = HEALTH_JOB


_PORTABLE: dict[type, bool] = {}


def portable(error: Exception) -> Exception:
    """`error` if it survives pickling, else a RuntimeError with its text (the parent's
    presenter still gets words; the type of an error from our own code always survives)."""
    kind = type(error)
    fits = _PORTABLE.get(kind)
    if fits is None:
        try:
            # Our own bytes, this instant: nothing untrusted is unpickled here.
            copy = pickle.loads(pickle.dumps(error))  # noqa: S301
            fits = type(copy) is kind
        except Exception:
            fits = False
        _PORTABLE[kind] = fits
    if fits:
        error.__traceback__ = None
        return error
    return RuntimeError(f"{kind.__name__}: {error}")


class _ParentGoneError(Exception):
    """The parent's end of the pipe is closed: the app quit (or gave up on us)."""


class _Outbox:
    """The pipe to the parent, shared by the sweep's loop and the log handler's threads."""

    def __init__(self, results: Connection) -> None:
        self._results = results
        self._lock = threading.Lock()

    def send(self, message: object) -> None:
        try:
            with self._lock:
                self._results.send(message)
        except (OSError, EOFError, ValueError) as error:
            raise _ParentGoneError() from error


class _ToParent(logging.Handler):
    """Log records as ("log", logger, level, text): the parent logs them (and redacts them, as
    every record of the app is, by its handlers' filter)."""

    def __init__(self, outbox: _Outbox) -> None:
        super().__init__(logging.INFO)
        self._outbox = outbox

    def emit(self, record: logging.LogRecord) -> None:
        # A parent gone, a record that cannot be formatted: not worth a crash of the sweep.
        with contextlib.suppress(Exception):
            self._outbox.send(("log", record.name, record.levelno, record.getMessage()))


def background_priority() -> None:
    """Lower this process's CPU priority: the sweep is background work, and on a busy machine
    the window (and whatever else the user runs) goes first. Waiting on the network, as a
    sweep mostly does, is not slowed by it."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(BACKGROUND_NICENESS)
    except (OSError, AttributeError) as error:
        log.info("the sweep engine keeps its priority: %s", error)


def serve(commands: Connection, results: Connection) -> None:
    """The child's main: sweeps one at a time until the parent goes away."""
    outbox = _Outbox(results)
    root = logging.getLogger()
    root.addHandler(_ToParent(outbox))
    root.setLevel(logging.INFO)
    logging.getLogger("urllib3").setLevel(logging.WARNING)  # as desktop.config.logs does
    background_priority()
    cancels: dict[int, threading.Event] = {}
    jobs: queue.Queue[tuple[int, SweepJob[Any]] | None] = queue.Queue()
    lock = threading.Lock()

    def listen() -> None:
        # The commands, read beside the running sweep: a cancel must reach it while it runs.
        try:
            while True:
                message = commands.recv()
                if message[0] == "sweep":
                    with lock:
                        cancels[message[1]] = threading.Event()
                    jobs.put((message[1], message[2]))
                elif message[0] == "cancel":
                    with lock:
                        event = cancels.get(message[1])
                    if event is not None:
                        event.set()
        except (EOFError, OSError):
            pass  # the parent is gone (or closed us): stop everything
        with lock:
            for event in cancels.values():
                event.set()
        jobs.put(None)

    threading.Thread(target=listen, name="engine-commands", daemon=True).start()
    held = _Held()
    try:
        while True:
            item = jobs.get()
            if item is None:
                break
            sweep_id, job = item
            with lock:
                cancel = cancels[sweep_id]
            try:
                error = _run(sweep_id, job, cancel, held, outbox)
                with lock:
                    cancels.pop(sweep_id, None)
                outbox.send(("end", sweep_id, error))
            except _ParentGoneError:
                break
    finally:
        held.close()


class _Held:
    """What the child keeps between sweeps: a backend per sign-in, a cache per file."""

    def __init__(self) -> None:
        self.backends: dict[Recipe, Backend] = {}
        self.caches: dict[Path, Any] = {}

    def backend(self, recipe: Recipe) -> Backend:
        backend = self.backends.get(recipe)
        if backend is None:
            backend = self.backends[recipe] = recipe.build()
        return backend

    def cache(self, path: Path) -> Any:
        from desktop.store.cache import Cache

        cache = self.caches.get(path)
        if cache is None:
            cache = self.caches[path] = Cache(path)
        return cache

    def close(self) -> None:
        for closable in (*self.backends.values(), *self.caches.values()):
            with contextlib.suppress(Exception):
                closable.close()


def _run(
    sweep_id: int, job: SweepJob[Any], cancel: threading.Event, held: _Held, outbox: _Outbox
) -> Exception | None:
    """One sweep in the child; the error that stopped it (made picklable), None at its end."""
    from desktop.services.health_sweep import sweep_health
    from desktop.services.message_read import sweep_messages
    from desktop.services.notices import NoticeBook

    writer = None
    try:
        try:
            backend = held.backend(job.recipe)
        except Exception as error:
            log.warning("the sweep engine could not sign in: %s", error)
            return NoBackendError(f"{type(error).__name__}: {error}")
        book = None
        if job.cache is not None and job.source:
            cache = held.cache(job.cache)
            writer = cache.writer(job.source)
            book = NoticeBook(cache, job.source, job.rules or NoticeRules())
        outcomes: Iterator[Outcome[Any]]
        if job.kind == MESSAGES_JOB:
            outcomes = sweep_messages(backend, job.customers, writer=writer, cancel=cancel)
        elif job.then is not None:
            outcomes = sweep_health(
                backend,
                job.customers,
                job.then,
                writer=writer,
                book=book,
                concurrency=job.concurrency,
                cancel=cancel,
                with_issues=job.with_issues,
            )
        else:
            raise ValueError("a health sweep job needs `then`")
        _deliver(sweep_id, _portable_outcomes(outcomes), writer, outbox)
        return None
    except _ParentGoneError:
        raise
    except Exception as error:
        return portable(error)
    finally:
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()


def _portable_outcomes(outcomes: Iterator[Outcome[Any]]) -> Iterator[Outcome[Any]]:
    for outcome in outcomes:
        if outcome.error is not None:
            outcome = replace(outcome, error=portable(outcome.error))
        yield outcome


_TICK: Any = object()


def _deliver(sweep_id: int, outcomes: Iterator[Outcome[Any]], writer: Any, outbox: _Outbox) -> None:
    """Send the outcomes in batches, each committed to the cache before it leaves. The sweep
    runs on a thread of its own, so a batch leaves on time even while no answer comes."""
    arrived: queue.Queue[Any] = queue.Queue()

    def pump() -> None:
        try:
            for outcome in outcomes:
                arrived.put(outcome)
        except BaseException as error:
            arrived.put(error)
        else:
            arrived.put(None)

    threading.Thread(target=pump, name="engine-sweep", daemon=True).start()
    batch: list[Outcome[Any]] = []
    due = time.monotonic() + BATCH_S
    ended = False
    failure: BaseException | None = None
    while not ended:
        try:
            item = arrived.get(timeout=max(0.0, due - time.monotonic()))
        except queue.Empty:
            item = _TICK
        if item is None:
            ended = True
        elif isinstance(item, BaseException):
            ended, failure = True, item
        elif item is not _TICK:
            batch.append(item)
        if batch and (ended or len(batch) >= BATCH_MAX or time.monotonic() >= due):
            if writer is not None:
                writer.flush()  # on disk before the GUI sees it: a killed engine loses no row
            outbox.send(("batch", sweep_id, batch))
            batch = []
        if time.monotonic() >= due:
            due = time.monotonic() + BATCH_S
    if failure is not None:
        raise failure
