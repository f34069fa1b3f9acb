"""Dropped connections, slow bodies, answers that never come, and cancelling while waiting."""

from __future__ import annotations

import pytest

from desktop.api.errors import NETWORK, TIMEOUT
from desktop.api.http import RetryPolicy, Timeouts
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .conftest import (
    FAST_RETRY,
    HEALTH,
    assert_clear,
    assert_complete,
    make_backend,
    run_sweep,
    wait_until_served,
)


def test_dropped_connections_are_retried(sb: Sandbox, customers: list[Customer]) -> None:
    sb.inject(HEALTH, "drop", count=len(customers))
    # The drops fall on whichever calls come first: one customer's retries may take several in
    # a row (under load, all of them). Enough attempts that none can run out: the test is that
    # drops are retried, not how they spread.
    retry = RetryPolicy(attempts=len(customers) + 1, backoff_base_s=0.02, backoff_cap_s=0.1)
    backend = make_backend(sb, retry=retry)
    try:
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()
    assert sb.stats()["faults"] == len(customers)


def test_a_server_that_keeps_dropping_gives_a_network_error(
    sb: Sandbox, backend: Backend, customers: list[Customer]
) -> None:
    sb.inject(HEALTH, "drop", count=len(customers) * FAST_RETRY.attempts)
    run = run_sweep(backend, customers)
    assert set(run.failed()) == {c.tenant_id for c in customers}
    for error in run.failed().values():
        explained = assert_clear(error, "could not reach")
        assert "closed the connection without answering" in explained.detail
        assert getattr(error, "kind", None) == NETWORK
    assert_complete(run_sweep(backend, customers), customers)


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        pytest.param("slow", "sent its answer too slowly", id="slow body past the body deadline"),
        pytest.param("delay", "did not answer in time", id="no answer within the read timeout"),
    ],
)
def test_slow_answers_time_out_and_are_retried(
    sb: Sandbox, customers: list[Customer], kind: str, said: str
) -> None:
    # All customers at once, so each round of timeouts costs one timeout, not one per customer.
    backend = make_backend(sb, concurrency=len(customers))
    try:
        sb.inject(HEALTH, kind, delay_s=2.0, count=len(customers))
        assert_complete(run_sweep(backend, customers), customers)
        # Persistently slow: every try times out, and the error says so.
        # 10 s a try on the server's side: waiting them out would take 30 s, past the guard
        # (8 s); the client's own deadlines (~0.8 s a try) end the sweep well within it.
        sb.inject(HEALTH, kind, delay_s=10.0, count=len(customers) * FAST_RETRY.attempts)
        run = run_sweep(backend, customers)
        assert set(run.failed()) == {c.tenant_id for c in customers}
        for error in run.failed().values():
            assert_clear(error, said)
            assert getattr(error, "kind", None) == TIMEOUT
    finally:
        backend.close()
    backend = make_backend(sb)
    try:
        # The sandbox may still be finishing the slow answers: a rerun gets data regardless.
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()


def test_a_trickled_body_is_cut_at_the_deadline_not_when_it_ends(
    sb: Sandbox, customers: list[Customer]
) -> None:
    """The sandbox sends the body in 20 pieces over 3 s; the body deadline is 0.5 s. Reading
    in 64 KB blocks waited for the whole (small) body before looking at the clock."""
    backend = make_backend(
        sb,
        timeouts=Timeouts(connect_s=2, read_s=2, attempt_s=0.5),
        retry=RetryPolicy(attempts=1),
    )
    try:
        sb.inject(HEALTH, "slow", delay_s=3.0, count=1)
        run = run_sweep(backend, customers[:1])
        (error,) = run.failed().values()
        assert_clear(error, "too slowly")
        # The client hung up mid-body: the sandbox could not send the rest.
        wait_until_served(sb)
        assert (sb.stats()["trickleCut"], sb.stats()["trickled"]) == (1, 0)
    finally:
        backend.close()
