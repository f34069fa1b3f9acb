"""429 storms: what the sweep does with short, long and too-long Retry-After values.

HttpSession (desktop/api/http.py) waits what Retry-After asks, up to `max_retry_after_s`
(120 s by default) per wait; a longer ask is not waited out at all: the call fails at once as
throttled and the error says when to try again. Waits are on the sweep's cancel event.
"""

from __future__ import annotations

import threading
import time

import pytest

from desktop.api.http import RetryPolicy
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .conftest import (
    FAST_RETRY,
    HEALTH,
    Waits,
    assert_clear,
    assert_complete,
    make_backend,
    run_sweep,
)


@pytest.mark.parametrize(
    ("policy", "retry_after"),
    [
        pytest.param(RetryPolicy(), 3600, id="default cap 120 s, asked 3600 s"),
        pytest.param(RetryPolicy(max_retry_after_s=2), 5, id="cap 2 s, asked 5 s"),
    ],
)
def test_a_retry_after_beyond_the_cap_is_not_slept(
    sb: Sandbox, customers: list[Customer], policy: RetryPolicy, retry_after: int
) -> None:
    waits = Waits()
    backend = make_backend(sb, retry=policy, sleep=waits)
    try:
        sb.inject(HEALTH, "error", status=429, shape="graph", count=len(customers),
                  retry_after=retry_after)  # fmt: skip
        run = run_sweep(backend, customers, guard_s=5)
        assert waits.delays == []  # no wait at all: one answer per customer, then done
        assert sb.stats()["faults"] == len(customers)  # one try each, no retry
        assert set(run.failed()) == {c.tenant_id for c in customers}
        for error in run.failed().values():
            explained = assert_clear(error, "throttling")
            # Short waits in seconds, longer ones as a time of day (desktop/ui/errors.py).
            said = "Try again at " if retry_after > 120 else f"Try again in {retry_after} seconds"
            assert said in explained.detail
            assert explained.retry
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()


def test_a_storm_within_the_cap_waits_on_the_cancel_event(
    sb: Sandbox, customers: list[Customer]
) -> None:
    """Retry-After 60 s is honoured (under the 120 s cap), so the sweep sits waiting; a cancel
    ends it at once, and the rerun after the storm gets everything."""
    concurrency = 4
    backend = make_backend(sb, concurrency=concurrency, retry=RetryPolicy())
    try:
        # Every request of the first wave is throttled; the sweep holds no more in flight.
        sb.inject(HEALTH, "error", status=429, shape="graph", count=concurrency, retry_after=60)
        cancel = threading.Event()
        reached: list[bool] = []  # every call in flight was throttled before the cancel

        def cancel_when_all_wait() -> None:
            deadline = time.monotonic() + 5
            while sb.stats()["faults"] < concurrency and time.monotonic() < deadline:
                time.sleep(0.01)
            reached.append(sb.stats()["faults"] >= concurrency)
            time.sleep(0.1)  # into the wait
            cancel.set()

        threading.Thread(target=cancel_when_all_wait, daemon=True).start()
        # Ending at all within the guard shows the cancel ended the wait: the server asked
        # for 60 s, the guard allows 6 (a liveness guard, not a measure of how fast).
        run = run_sweep(backend, customers, cancel=cancel, guard_s=6)
        assert reached == [True], "the storm never reached every request in flight"
        # A cancelled call is not a customer's failure: nothing is reported for them.
        assert run.outcomes == {}
        assert sb.stats()["faults"] == concurrency
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()


def test_a_short_retry_after_is_waited_out_and_every_customer_gets_data(
    sb: Sandbox, customers: list[Customer]
) -> None:
    waits = Waits()
    backend = make_backend(sb, concurrency=len(customers), sleep=waits)
    try:
        sb.inject(HEALTH, "error", status=429, shape="graph", count=len(customers), retry_after=1)
        run = run_sweep(backend, customers, guard_s=6)
        assert_complete(run, customers)
        assert sb.stats()["faults"] == len(customers)
        # The server's ask was honoured, not ignored: one wait per customer, of what it asked.
        assert len(waits.delays) == len(customers)
        assert min(waits.delays) >= 1.0
    finally:
        backend.close()


def test_the_sandbox_throttle_window_is_honoured_on_a_quick_rerun() -> None:
    """Graph's real limiter (per tenant, sliding window) rather than a scripted 429: a second
    sweep right after the first is throttled, waits the window out, and completes."""
    with Sandbox(
        customers=6, seed=3, throttle=True, throttle_limit=1, throttle_window_s=1, consented="all"
    ) as sb:
        backend: Backend = make_backend(sb, concurrency=6, retry=FAST_RETRY)
        try:
            customers = [c for c in backend.customers().items if sb.data.graph_allowed(c.tenant_id)]
            assert_complete(run_sweep(backend, customers), customers)
            assert sb.stats()["throttled"] == 0
            rerun = run_sweep(backend, customers, guard_s=6)
            assert_complete(rerun, customers)
            assert sb.stats()["throttled"] >= len(customers)
        finally:
            backend.close()
