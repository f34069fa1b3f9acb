"""5xx bursts and error pages in every shape Partner Center, Graph and a proxy send."""

from __future__ import annotations

import pytest

from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend

from .conftest import FAST_RETRY, HEALTH, assert_clear, assert_complete, run_sweep

# Statuses the client retries, each in the body shape that goes with it.
BURSTS = [
    pytest.param(500, "graph", id="500 graph"),
    pytest.param(502, "html", id="502 HTML page from a proxy"),
    pytest.param(503, "pc2", id="503 partner center v2"),
    pytest.param(504, "problem", id="504 problem details"),
]


@pytest.mark.parametrize(("status", "shape"), BURSTS)
def test_a_burst_shorter_than_the_retry_budget_is_ridden_out(
    sb: Sandbox, backend: Backend, customers: list[Customer], status: int, shape: str
) -> None:
    # Connections open first (a TLS handshake is slower than a retry's back-off): then every
    # customer's first try fails, and its retry gets data.
    assert_complete(run_sweep(backend, customers), customers)
    sb.inject(HEALTH, "error", status=status, shape=shape, count=len(customers))
    run = run_sweep(backend, customers)
    assert_complete(run, customers)
    assert sb.stats()["faults"] == len(customers)


@pytest.mark.parametrize(("status", "shape"), BURSTS)
def test_a_burst_longer_than_the_retry_budget_says_what_the_server_said(
    sb: Sandbox, backend: Backend, customers: list[Customer], status: int, shape: str
) -> None:
    sb.inject(HEALTH, "error", status=status, shape=shape,
              count=len(customers) * FAST_RETRY.attempts)  # fmt: skip
    run = run_sweep(backend, customers)
    assert set(run.failed()) == {c.tenant_id for c in customers}
    for error in run.failed().values():
        explained = assert_clear(error, str(status))
        assert explained.title == "The service reported an error"
        assert explained.retry
        if shape == "html":
            # The page is summarised, not pasted: no markup reaches the user.
            assert "an HTML page: 502 Bad Gateway" in explained.detail
            assert "<" not in explained.detail
    assert sb.stats()["faults"] == len(customers) * FAST_RETRY.attempts
    assert_complete(run_sweep(backend, customers), customers)


def test_errors_that_are_not_worth_a_retry_are_not_retried(
    sb: Sandbox, backend: Backend, customers: list[Customer]
) -> None:
    sb.inject(HEALTH, "error", status=400, shape="graph", count=len(customers))
    run = run_sweep(backend, customers)
    assert sb.stats()["faults"] == len(customers)  # one try each
    for error in run.failed().values():
        explained = assert_clear(error, "400")
        assert not explained.retry
    assert len(run.failed()) == len(customers)
    assert_complete(run_sweep(backend, customers), customers)


def test_customers_without_gdap_get_the_gdap_message_not_an_outage(
    sb: Sandbox, backend: Backend
) -> None:
    listed = backend.customers().items
    blocked = [c for c in listed if not sb.data.graph_allowed(c.tenant_id)]
    assert blocked
    run = run_sweep(backend, listed)
    assert set(run.failed()) == {c.tenant_id for c in blocked}
    for error in run.failed().values():
        explained = assert_clear(error, "GDAP")
        assert not explained.retry
