"""A sweep over customers: bounded concurrency, outcomes as they complete, cancellable; and the
recipe a sweep engine's process makes the same backend with. No Qt.

`Backend.sweep` runs this on the backend's concurrency; `desktop.services.engine` runs it in a
child process from a `Recipe`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from desktop.api.errors import CANCELLED, ApiError
from desktop.api.http import new_correlation_id
from desktop.config.limits import DEFAULT_CONCURRENCY
from desktop.domain.customers import Customer

T = TypeVar("T")

# How often a sweep waiting on its calls looks at its cancel event.
CANCEL_POLL_S = 0.05


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """One customer's result in a sweep: a value, or the error that ended its calls."""

    index: int
    customer: Customer
    value: T | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Recipe:
    """How the sweep engine's process (desktop.services.engine) makes the session's backend: a
    module-level function (or classmethod) and its keyword arguments, all picklable; no token
    or secret (the child signs in silently from the same persistent token cache)."""

    make: Callable[..., Any]  # returns a desktop.services.backend.Backend
    kwargs: tuple[tuple[str, Any], ...] = ()  # a tuple, not a dict: the child keys on it

    def build(self) -> Any:
        return self.make(**dict(self.kwargs))


def sweep(
    customers: Iterable[Customer],
    task: Callable[[Customer, str, threading.Event], T],
    *,
    concurrency: int | None = None,
    cancel: threading.Event | None = None,
    cid: str | None = None,
    pool: Executor | None = None,
) -> Iterator[Outcome[T]]:
    """Run `task(customer, correlation_id, cancel)` for each customer, yielding outcomes as
    they complete. At most `concurrency` tasks run at once; tasks are submitted as slots free
    up, so a cancel leaves nothing queued. One correlation id covers the whole sweep.
    `pool`: the threads to run them on (the window's worker's); by default the sweep's own.

    A cancel ends the sweep within `CANCEL_POLL_S`: what finished is yielded, calls still in
    flight are left to end (as CANCELLED, see HttpSession.call) on their own threads.
    """
    cancel = cancel or threading.Event()
    cid = cid or new_correlation_id()
    limit = max(1, concurrency or DEFAULT_CONCURRENCY)
    pending: dict[Future[T], tuple[int, Customer]] = {}
    source = iter(enumerate(customers))
    exhausted = False
    own = pool is None
    pool = pool or ThreadPoolExecutor(max_workers=limit, thread_name_prefix="sweep")
    try:
        while True:
            while not exhausted and not cancel.is_set() and len(pending) < limit:
                item = next(source, None)
                if item is None:
                    exhausted = True
                    break
                index, customer = item
                pending[pool.submit(task, customer, cid, cancel)] = (index, customer)
            if not pending:
                return
            # With a timeout, so that a cancel is seen while every call in flight still
            # waits on a server that does not answer (up to the read timeout, 30 s).
            done, _ = wait(pending, timeout=CANCEL_POLL_S, return_when=FIRST_COMPLETED)
            for future in done:
                index, customer = pending.pop(future)
                error = future.exception()
                if error is not None and not isinstance(error, Exception):
                    raise error  # KeyboardInterrupt, SystemExit: not a customer's fault
                if error is None:
                    yield Outcome(index, customer, future.result())
                else:
                    if isinstance(error, ApiError) and error.kind == CANCELLED:
                        continue
                    yield Outcome(index, customer, error=error)
            if cancel.is_set():
                # The calls still in flight end as CANCELLED when their answer (or their
                # timeout) comes: nothing of theirs would be yielded, so nobody waits.
                return
    finally:
        if pending:
            # Left early (a cancel, the consumer closed us, or an error): stop the running
            # calls at their next check instead of waiting for all of them to finish.
            cancel.set()
        if own:
            pool.shutdown(wait=not pending, cancel_futures=True)
        else:
            for future in pending:  # a shared pool: only ours, and only those not started
                future.cancel()
