"""A server that goes away mid-sweep and comes back on the same port."""

from __future__ import annotations

import threading
from dataclasses import replace

import requests

from desktop.api.errors import NETWORK
from desktop.api.http import REFUSED_ATTEMPTS
from desktop.domain.customers import Customer
from desktop.sandbox import Sandbox
from desktop.services.backend import Outcome
from tests.sandbox.helpers import pc

from .conftest import (
    FAST_RETRY,
    Health,
    Waits,
    assert_clear,
    assert_complete,
    make_backend,
    run_sweep,
)


def test_a_restarted_sandbox_keeps_its_url_data_and_faults(tmp_path) -> None:
    sb = Sandbox(customers=2, seed=5, consented="all").start()
    ca = tmp_path / "ca.pem"
    ca.write_bytes(sb.ca_pem)
    try:
        url = sb.url
        sb.inject("/v1/customers", "error", status=503, count=1)
        sb.stop()
        assert not sb.running
        sb.start()
        assert sb.url == url
        with requests.Session() as http:
            # The same CA after the restart. (Per request: a session's `verify` loses to
            # REQUESTS_CA_BUNDLE in requests.)
            http.verify = str(ca)
            info = http.get(url + "/_sandbox/info", timeout=5, verify=str(ca)).json()
            assert info["customers"] == 2
            # What was injected before the restart still waits for its request.
            statuses = [
                http.get(
                    url + "/v1/customers", headers=pc(sb), timeout=5, verify=str(ca)
                ).status_code
                for _ in range(2)
            ]
        assert statuses == [503, 200]
    finally:
        sb.stop()


def test_the_server_stops_mid_sweep_and_comes_back(sb: Sandbox) -> None:
    """Down while a sweep runs: customers in flight or asked meanwhile fail with a clear
    "could not reach" error, the rest of the sweep gets data once the server is back, and a
    rerun gets everything."""
    # One customer at a time, so the test decides when the server goes down and comes back.
    backend = make_backend(sb, concurrency=1)
    try:
        customers = [c for c in backend.customers().items if sb.data.graph_allowed(c.tenant_id)]
        assert len(customers) >= 5
        for customer in customers:  # signed in to each first: this test is about the API calls
            backend.tokens.token(backend.cloud.graph_scope, customer.tenant_id)
        seen: list[Outcome[Health]] = []
        back = threading.Event()

        def script(outcome: Outcome[Health]) -> None:
            seen.append(outcome)
            if len(seen) == 2:
                sb.stop()  # the next customers find nothing listening
            elif not outcome.ok and not back.is_set():
                sb.start()  # ... until one of them has failed: then the server is back
                back.set()

        run = run_sweep(backend, customers, on_outcome=script)
        assert back.is_set()
        assert set(run.outcomes) == {c.tenant_id for c in customers}
        failed = run.failed()
        assert len(failed) == 1
        for error in failed.values():
            explained = assert_clear(error, "could not reach")
            assert explained.retry
            assert getattr(error, "kind", None) == NETWORK
        # Before the stop and after the restart: data.
        assert len(run.ok()) == len(customers) - 1
        assert [o.ok for o in seen[:2]] == [True, True]
        assert all(o.ok for o in seen[3:])
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()


def test_a_server_that_stays_down_fails_every_customer_quickly(
    sb: Sandbox, customers: list[Customer]
) -> None:
    waits = Waits()
    # The full budget would be eight tries per call; a refused connection gets three.
    backend = make_backend(sb, retry=replace(FAST_RETRY, attempts=8), sleep=waits)
    try:
        for customer in customers:  # tokens first: this test counts the API calls' tries
            backend.tokens.token(backend.cloud.graph_scope, customer.tenant_id)
        sb.stop()
        run = run_sweep(backend, customers)
        assert set(run.failed()) == {c.tenant_id for c in customers}
        for error in run.failed().values():
            assert_clear(error, "could not reach")
            assert "refused" in str(error)
        # Three quick tries per customer (a restart is covered), not the full retry budget:
        # two short waits each.
        assert len(waits.delays) == (REFUSED_ATTEMPTS - 1) * len(customers)
        assert max(waits.delays) <= FAST_RETRY.backoff_cap_s
        sb.start()
        assert_complete(run_sweep(backend, customers), customers)
    finally:
        backend.close()
