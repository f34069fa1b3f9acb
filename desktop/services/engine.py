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
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from desktop.services.backend import Outcome, Recipe
from desktop.services.engine_child import (
    HEALTH_JOB,
    MESSAGES_JOB,
    EngineError,
    NoBackendError,
    SweepJob,
    portable,
    serve,
)

__all__ = [
    "HEALTH_JOB",
    "MESSAGES_JOB",
    "Engine",
    "EngineError",
    "NoBackendError",
    "Recipe",
    "SweepJob",
    "portable",
]

T = TypeVar("T")
log = logging.getLogger(__name__)

MAX_RESTARTS = 3  # deaths of the child within one sweep before the sweep gives up
CLOSE_GRACE_S = 1.0  # at quit, how long the child may take to commit what it holds
POLL_S = 0.1  # how often the parent looks at its cancel while waiting for a batch


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
        # Each outcome's customer is ours again: the child's copies (10,000 of them) would
        # otherwise live beside the list's for as long as the views keep the answers.
        ours = {c.tenant_id: c for c in job.customers}
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
                # Through _send: a child that died since `_ensure` looked is a restart, not a crash.
                _send(commands, ("sweep", sweep_id, replace(job, customers=remaining)))
                for outcome in self._receive(sweep_id, commands, results, cancel):
                    tenant = outcome.customer.tenant_id
                    delivered.add(tenant)
                    yield replace(outcome, customer=ours.get(tenant, outcome.customer))
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
        cancelled = ended = False
        try:
            while True:
                if cancel.is_set() and not cancelled:
                    cancelled = True
                    _send(commands, ("cancel", sweep_id))
                if not _poll(results, POLL_S):
                    continue
                message = _recv(results)
                kind, of = message[0], message[1]
                if kind == "log":  # the child's log records, into the app's log
                    logging.getLogger(of).log(message[2], "engine: %s", message[3])
                    continue
                if of != sweep_id:
                    continue  # the end of a sweep given up on before: nobody waits for it
                if kind == "batch":
                    yield from message[2]
                elif kind == "end":
                    ended = True
                    error = message[2]
                    if error is not None and not cancelled:
                        raise error
                    return
        finally:
            if not (cancelled or ended):
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
