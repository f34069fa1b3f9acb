"""Cancelling a sweep whose calls are stuck on a server that does not answer."""

from __future__ import annotations

import threading

import pytest

from desktop.api.errors import CANCELLED, ApiError
from desktop.api.http import RetryPolicy, Timeouts
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .conftest import FAST_TIMEOUTS, HEALTH, assert_complete, make_backend, run_sweep


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param("delay", id="server holds the answer"),
        pytest.param("slow", id="server trickles the body"),
    ],
)
def test_cancel_is_prompt_while_calls_wait_on_a_silent_server(
    sb: Sandbox, customers: list[Customer], kind: str
) -> None:
    """The app's own timeouts (30 s between bytes, 60 s a body) are far longer than a user
    waits after pressing Cancel: a cancel must not wait for the calls in flight to time out."""
    concurrency = 4
    backend = make_backend(
        sb,
        concurrency=concurrency,
        timeouts=Timeouts(),  # the defaults
        retry=RetryPolicy(),
    )
    try:
        # The server holds these calls for 60 s; the sweep must end long before they would
        # (the guard fails the test if it is still running after 10 s).
        sb.inject(HEALTH, kind, delay_s=60.0, count=concurrency)
        cancel = threading.Event()
        threading.Timer(0.5, cancel.set).start()
        run = run_sweep(backend, customers, cancel=cancel, guard_s=10)
        assert run.outcomes == {}  # nothing answered before the cancel
    finally:
        backend.close()
    backend = make_backend(sb, timeouts=FAST_TIMEOUTS)
    try:
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()


def test_a_read_answered_after_the_cancel_is_not_returned(sb: Sandbox, backend: Backend) -> None:
    """A call abandoned by a cancelled sweep may still get its answer later; it must raise
    CANCELLED rather than hand data to a caller that has moved on (cache writes, notices)."""
    tenant = next(c.tenant_id for c in sb.data.customers if c.has_gdap)
    sb.inject(HEALTH, "delay", delay_s=0.4, count=1)
    cancel = threading.Event()
    threading.Timer(0.1, cancel.set).start()
    with pytest.raises(ApiError) as caught:
        backend.health_and_issues(tenant, cancel=cancel)
    assert caught.value.kind == CANCELLED
