"""The sweep engine: health sweeps in a child process, out of the GUI's interpreter. No Qt.

A sweep of 10,000 customers is HTTP, TLS, JSON parsing and cache writes on 32 threads. In the
GUI's process those threads hold the interpreter lock the GUI thread needs for every paint, and
with other programs busy beside us that is what the user feels (issue 19). In the engine's own
process they hold only the engine's lock; the GUI's process receives finished outcomes, a small
batch at a time, and only unpickles them.

- The parent half, `Engine`, starts the child on first use (multiprocessing's spawn, on every
  platform: a fork of a process with Qt and threads in it is not safe), keeps it for the next
  sweep and stops it with the app. `Engine.sweep` is a generator of outcomes like
  `desktop.services.health_sweep.sweep_health`, run on the GUI worker's stream thread.
- The child makes its own `Backend` from the session's `Recipe` (the same sign-in, silently, from
  the persistent token cache: no token crosses the pipe) and its own cache connection. Every
  batch is committed to the cache before it is sent, so a row the GUI has seen is on disk.
- If the child dies mid-sweep it is started again and the sweep goes on with the customers not
  yet delivered; `on_restart` is told once per sweep. After `MAX_RESTARTS` deaths in one sweep
  it stops with `EngineError`.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import pickle
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Generic, TypeVar

from desktop.domain.customers import Customer
from desktop.services.backend import Backend, Outcome
from desktop.services.notices import NoticeRules

T = TypeVar("T")
log = logging.getLogger(__name__)

# A batch leaves the child this often (or when it is this big): small enough that unpickling one
# on the GUI side is a short hold of the interpreter lock, big enough to be few messages.
BATCH_S = 0.05
BATCH_MAX = 64
MAX_RESTARTS = 3  # deaths of the child within one sweep before the sweep gives up
START_TIMEOUT_S = 60.0  # a child that does not say hello by then is taken for dead
CLOSE_GRACE_S = 1.0  # at quit, how long the child may take to commit what it holds
POLL_S = 0.1  # how often the parent looks at its cancel while waiting for a batch


class EngineError(RuntimeError):
    """The engine's process kept dying: the sweep stops; the rows delivered are kept."""


class NoBackendError(EngineError):
    """The engine's process could not sign in as the app did (say, a sign-in that needs the
    user): the caller sweeps on its own threads instead."""


@dataclass(frozen=True)
class Recipe:
    """How the child makes the session's backend: a module-level function (or classmethod) and
    its keyword arguments, all picklable; no token or secret (the child signs in silently from
    the same persistent token cache)."""

    make: Callable[..., Backend]
    kwargs: tuple[tuple[str, Any], ...] = ()  # a tuple, not a dict: the child keys on it

    def build(self) -> Backend:
        return self.make(**dict(self.kwargs))


@dataclass(frozen=True)
class SweepJob(Generic[T]):
    """One health sweep for the engine: what `sweep_health` takes, in picklable form. `then` is
    a module-level function (pickled by name), `cache` the cache file the child opens for
    `source` (None: no cache writes, no notices)."""

    recipe: Recipe
    customers: list[Customer]
    then: Callable[[Customer, Any], T]
    cache: Path | None = None
    source: str = ""
    rules: NoticeRules | None = None
    with_issues: bool = True
    concurrency: int | None = None


class Engine:
    """The parent's handle on the engine process; one per app. Thread-safe: one sweep at a
    time (a second waits for the first to end, which a superseding caller cancels)."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._commands: Connection | None = None
        self._results: Connection | None = None
        self._lock = threading.Lock()  # one sweep at a time
        self._state = threading.Lock()  # the process and its pipes
        self._next_id = 0
        self._closed = False
        self.restarts = 0  # over the engine's life, for logs and tests

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        with self._state:
            process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def start(self) -> None:
        """Start the child now (it is started on the first sweep otherwise): the import of the
        network stack then happens before anyone waits for it."""
        with self._state:
            self._ensure()

    def close(self) -> None:
        """Stop the child (the app is quitting); a sweep under way ends as cancelled."""
        with self._state:
            self._closed = True
            self._stop(grace_s=CLOSE_GRACE_S)

    def sweep(
        self,
        job: SweepJob[T],
        cancel: threading.Event,
        on_restart: Callable[[int], None] | None = None,
    ) -> Iterator[Outcome[T]]:
        """The outcomes of `job`, as the child delivers them; blocks (a stream's thread).
        `on_restart(left)`: the child died and was started again, with `left` customers still
        to check; called once per sweep, on this thread."""
        with self._lock:
            yield from self._sweep(job, cancel, on_restart)

    # -- the parent's side of a sweep --------------------------------------------------------

    def _sweep(
        self,
        job: SweepJob[T],
        cancel: threading.Event,
        on_restart: Callable[[int], None] | None,
    ) -> Iterator[Outcome[T]]:
        delivered: set[str] = set()
        deaths = 0
        told = False
        while True:
            remaining = [c for c in job.customers if c.tenant_id not in delivered]
            if not remaining or cancel.is_set():
                return
            with self._state:
                if self._closed:
                    return
                commands, results = self._ensure()
                self._next_id += 1
                sweep_id = self._next_id
            try:
                commands.send(("sweep", sweep_id, replace(job, customers=remaining)))
                for outcome in self._receive(sweep_id, commands, results, cancel):
                    delivered.add(outcome.customer.tenant_id)
                    yield outcome
                return
            except _ChildGoneError:
                with self._state:
                    if self._closed:
                        return
                    self._stop()
                deaths += 1
                self.restarts += 1
                left = len(job.customers) - len(delivered)
                log.warning("the sweep engine stopped; %d customers left (death %d)", left, deaths)
                if deaths > MAX_RESTARTS:
                    raise EngineError(
                        f"The health check's process stopped {deaths} times; "
                        f"{left} customers were not checked."
                    ) from None
                if not told and on_restart is not None:
                    told = True
                    on_restart(left)

    def _receive(
        self,
        sweep_id: int,
        commands: Connection,
        results: Connection,
        cancel: threading.Event,
    ) -> Iterator[Outcome[Any]]:
        cancelled = False
        try:
            while True:
                if cancel.is_set() and not cancelled:
                    cancelled = True
                    _send(commands, ("cancel", sweep_id))
                if not _poll(results, POLL_S):
                    continue
                message = _recv(results)
                kind, of = message[0], message[1]
                if of != sweep_id:
                    continue  # the end of a sweep given up on before: nobody waits for it
                if kind == "batch":
                    yield from message[2]
                elif kind == "end":
                    error = message[2]
                    if error is not None and not cancelled:
                        raise error
                    return
        finally:
            if not cancelled:
                # Left early (the stream was stopped, or the consumer went away): the child
                # stops the calls, and its late end is skipped by the next sweep.
                with contextlib.suppress(_ChildGoneError):
                    _send(commands, ("cancel", sweep_id))

    # -- the child process ---------------------------------------------------------------------

    def _ensure(self) -> tuple[Connection, Connection]:
        """The running child's pipes, starting it if needed (under `_state`)."""
        if self._process is not None and self._process.is_alive():
            assert self._commands is not None
            assert self._results is not None
            return self._commands, self._results
        self._stop()
        if self._closed:
            raise _ChildGoneError()
        command_read, command_write = self._context.Pipe(duplex=False)
        result_read, result_write = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=serve,
            args=(command_read, result_write),
            name="partner-desk-engine",
            daemon=True,  # ends with the app, however the app ends its interpreter
        )
        process.start()
        # The child's ends belong to the child now: a dead child then reads as EOF here.
        command_read.close()
        result_write.close()
        self._process, self._commands, self._results = process, command_write, result_read
        log.info("sweep engine started (pid %s)", process.pid)
        return command_write, result_read

    def _stop(self, grace_s: float = 0.0) -> None:
        """Stop the child: its command pipe closed first, so that it commits what it holds and
        ends by itself within `grace_s`; terminated after that."""
        process, self._process = self._process, None
        for connection in (self._commands, self._results):
            if connection is not None:
                with contextlib.suppress(OSError):
                    connection.close()
        self._commands = self._results = None
        if process is not None:
            process.join(grace_s)
            if process.is_alive():
                process.terminate()
                process.join(5)
            if process.is_alive():
                process.kill()
                process.join(5)


class _ChildGoneError(Exception):
    """The child is gone (its pipe closed, or it broke)."""


def _send(connection: Connection, message: object) -> None:
    try:
        connection.send(message)
    except (OSError, EOFError, ValueError) as error:
        raise _ChildGoneError() from error


def _poll(connection: Connection, timeout: float) -> bool:
    try:
        return connection.poll(timeout)
    except (OSError, EOFError, ValueError) as error:
        raise _ChildGoneError() from error


def _recv(connection: Connection) -> Any:
    try:
        return connection.recv()
    except (OSError, EOFError, ValueError, pickle.UnpicklingError) as error:
        raise _ChildGoneError() from error


# --- in the child -------------------------------------------------------------------------------


def serve(commands: Connection, results: Connection) -> None:
    """The child's main: sweeps one at a time until the parent goes away."""
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
    backends: dict[Recipe, Backend] = {}
    while True:
        item = jobs.get()
        if item is None:
            break
        sweep_id, job = item
        with lock:
            cancel = cancels[sweep_id]
        try:
            error = _run(sweep_id, job, cancel, backends, results)
            with lock:
                cancels.pop(sweep_id, None)
            _to_parent(results, ("end", sweep_id, error))
        except _ParentGoneError:
            break
    for backend in backends.values():
        with contextlib.suppress(Exception):
            backend.close()


def _run(
    sweep_id: int,
    job: SweepJob[Any],
    cancel: threading.Event,
    backends: dict[Recipe, Backend],
    results: Connection,
) -> BaseException | None:
    """One sweep in the child; the error that stopped it (made picklable), None at its end."""
    from desktop.services.health_sweep import sweep_health
    from desktop.services.notices import NoticeBook
    from desktop.store.cache import Cache

    cache = writer = None
    try:
        backend = backends.get(job.recipe)
        if backend is None:
            try:
                backend = backends[job.recipe] = job.recipe.build()
            except Exception as error:
                log.warning("the sweep engine could not sign in: %s", error)
                return NoBackendError(f"{type(error).__name__}: {error}")
        if job.cache is not None and job.source:
            cache = Cache(job.cache)
            writer = cache.writer(job.source)
        book = (
            NoticeBook(cache, job.source, job.rules or NoticeRules()) if cache is not None else None
        )
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
        _deliver(sweep_id, _outcomes_of(outcomes), writer, results)
        return None
    except _ParentGoneError:
        raise
    except Exception as error:
        return portable(error)
    finally:
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
        if cache is not None:
            with contextlib.suppress(Exception):
                cache.close()


class _ParentGoneError(Exception):
    """The parent's end of the pipe is closed: the app quit (or gave up on us)."""


def _to_parent(results: Connection, message: object) -> None:
    try:
        results.send(message)
    except (OSError, EOFError, ValueError) as error:
        raise _ParentGoneError() from error


def _outcomes_of(outcomes: Iterator[Outcome[Any]]) -> Iterator[Outcome[Any]]:
    for outcome in outcomes:
        if outcome.error is not None:
            outcome = replace(outcome, error=portable(outcome.error))
        yield outcome


def _deliver(
    sweep_id: int, outcomes: Iterator[Outcome[Any]], writer: Any, results: Connection
) -> None:
    """Send the outcomes in batches, each committed to the cache before it leaves. The sweep
    runs on a thread of its own, so a batch leaves on time even while no answer comes."""
    arrived: queue.Queue[Outcome[Any] | BaseException | None] = queue.Queue()

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
            _to_parent(results, ("batch", sweep_id, batch))
            batch = []
        if time.monotonic() >= due:
            due = time.monotonic() + BATCH_S
    if failure is not None:
        raise failure


_TICK: Any = object()


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
