"""Where a sweep runs: in the sweep engine's process when the app has one and the session's
backend can be made there (desktop.services.engine), else on the worker's sweep threads.

The health board and the planned changes both stream their sweeps through `producer`: the
same fallback (the engine cannot sign in, or keeps dying: this session's sweeps run here, and
the one under way goes on with the customers it had not reached) in one place.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from typing import Any, TypeVar

from desktop.domain.customers import Customer
from desktop.services.backend import Backend, Outcome, Recipe
from desktop.services.engine import Engine, EngineError, SweepJob

T = TypeVar("T")
log = logging.getLogger(__name__)

Produce = Callable[[threading.Event, Executor], Iterator[Outcome[T]]]


def producer(
    engine: Engine | None,
    backend: Backend,
    customers: list[Customer],
    job: Callable[[Recipe, list[Customer]], SweepJob[T]],
    on_threads: Callable[[list[Customer], threading.Event, Executor], Iterator[Outcome[T]]],
    on_restart: Callable[[int], Any] | None = None,
) -> Produce[T]:
    """A stream's producer for a sweep of `customers`: `job(recipe, customers)` in the engine,
    or `on_threads(customers, cancel, pool)` here. `on_restart(left)`: the engine died and was
    started again (once per sweep; called on the stream's thread)."""

    def produce(cancel: threading.Event, pool: Executor) -> Iterator[Outcome[T]]:
        recipe = backend.recipe
        if engine is None or recipe is None:
            yield from on_threads(customers, cancel, pool)
            return
        delivered: set[str] = set()
        try:
            for outcome in engine.sweep(job(recipe, customers), cancel, on_restart):
                delivered.add(outcome.customer.tenant_id)
                yield outcome
        except EngineError as error:
            # It could not sign in as we did, or it kept dying: this session's sweeps run here
            # from now on, and this one goes on with whom it had not reached.
            log.warning("sweeping on threads: %s", error)
            backend.recipe = None
            rest = [c for c in customers if c.tenant_id not in delivered]
            yield from on_threads(rest, cancel, pool)

    return produce
