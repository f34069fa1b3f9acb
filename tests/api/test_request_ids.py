"""Which `MS-RequestId` a retry sends (API.md section 2), read from the sandbox's request log.

The id is reused only when no answer came (a dropped connection, nothing within the read
timeout): resent, the call can only be taken as the same call. After any answer - a 429, a 5xx,
a 401, a body cut off or garbled after its status line - the retry gets a new id, else Partner
Center may replay the failure it cached for the old one.
"""

from __future__ import annotations

import uuid

import pytest

from desktop.api.errors import ApiError
from desktop.api.http import RetryPolicy, Timeouts
from desktop.sandbox import Sandbox
from tests.api.test_http import Clients

CUSTOMERS = "/v1/customers"
FIRST = "11111111-2222-3333-4444-555555555555"


def customers_call(clients: Clients, sb: Sandbox, request_id: str = FIRST) -> object:
    return clients.session.call(
        "GET",
        sb.url + CUSTOMERS,
        correlation_id="cid-1",
        request_id=request_id,
        auth=clients.pc.auth,
        params={"size": "5"},
    )


def attempts(sb: Sandbox, path: str = CUSTOMERS) -> list[dict[str, object]]:
    """The calls the sandbox received for `path`, oldest first."""
    return [e for e in sb.request_log() if str(e["path"]).split("?")[0] == path]


@pytest.mark.parametrize(
    ("status", "shape"),
    [(503, "pc"), (500, "pc2"), (429, "throttle"), (502, "html"), (401, "pc")],
)
def test_after_an_answer_the_retry_gets_a_new_id(
    fresh_sandbox: Sandbox, status: int, shape: str
) -> None:
    clients = Clients(fresh_sandbox)
    fresh_sandbox.inject(CUSTOMERS, "error", status=status, shape=shape, count=1, retry_after=0)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    first, second = attempts(fresh_sandbox)
    assert (first["status"], first["msRequestId"]) == (status, FIRST)
    assert second["status"] == 200
    assert second["msRequestId"] != FIRST
    uuid.UUID(str(second["msRequestId"]))  # a fresh GUID, as Partner Center expects
    # Graph reads the same id from client-request-id; the correlation id is the action's.
    assert second["clientRequestId"] == second["msRequestId"]
    assert first["msCorrelationId"] == second["msCorrelationId"] == "cid-1"


def test_every_answered_retry_gets_its_own_id(fresh_sandbox: Sandbox) -> None:
    clients = Clients(fresh_sandbox)
    fresh_sandbox.inject(CUSTOMERS, "error", status=503, count=3)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    ids = [e["msRequestId"] for e in attempts(fresh_sandbox)]
    assert len(ids) == 4
    assert len(set(ids)) == 4


def test_after_a_dropped_connection_the_retry_reuses_the_id(fresh_sandbox: Sandbox) -> None:
    clients = Clients(fresh_sandbox)
    fresh_sandbox.inject(CUSTOMERS, "drop", count=2)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    assert [(e["status"], e["msRequestId"]) for e in attempts(fresh_sandbox)] == [
        (0, FIRST),
        (0, FIRST),
        (200, FIRST),
    ]


def test_after_no_answer_in_time_the_retry_reuses_the_id(fresh_sandbox: Sandbox) -> None:
    # The sandbox holds the answer past the client's read timeout: no status line came.
    clients = Clients(fresh_sandbox, timeouts=Timeouts(connect_s=2, read_s=0.3, attempt_s=5))
    fresh_sandbox.inject(CUSTOMERS, "delay", count=1, delay_s=1.0)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    ids = [e["msRequestId"] for e in attempts(fresh_sandbox)]
    assert ids == [FIRST, FIRST]


@pytest.mark.parametrize("kind", ["malformed", "slow"])
def test_a_body_cut_or_garbled_after_its_status_counts_as_an_answer(
    fresh_sandbox: Sandbox, kind: str
) -> None:
    clients = Clients(fresh_sandbox, timeouts=Timeouts(connect_s=2, read_s=2, attempt_s=0.3))
    fresh_sandbox.inject(CUSTOMERS, kind, count=1, delay_s=1.5 if kind == "slow" else 0.0)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    first, second = attempts(fresh_sandbox)[:2]
    assert first["msRequestId"] == FIRST
    assert second["msRequestId"] != FIRST


def test_503_then_a_drop_then_success(fresh_sandbox: Sandbox) -> None:
    """A new id after the 503; that id kept across the drop that follows."""
    clients = Clients(fresh_sandbox)
    fresh_sandbox.inject(CUSTOMERS, "error", status=503, count=1)
    fresh_sandbox.inject(CUSTOMERS, "drop", count=1)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    log = attempts(fresh_sandbox)
    assert [e["status"] for e in log] == [503, 0, 200]
    assert log[0]["msRequestId"] == FIRST
    assert log[1]["msRequestId"] == log[2]["msRequestId"] != FIRST


def test_the_error_names_the_id_it_last_sent(fresh_sandbox: Sandbox) -> None:
    clients = Clients(fresh_sandbox, retry=RetryPolicy(attempts=2))
    fresh_sandbox.inject(CUSTOMERS, "error", status=503, count=1)
    fresh_sandbox.inject(CUSTOMERS, "drop", count=1)
    try:
        with pytest.raises(ApiError) as info:
            customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    last = attempts(fresh_sandbox)[-1]
    assert last["status"] == 0
    assert info.value.sent_request_id == last["msRequestId"] != FIRST
    assert not info.value.answered


def test_the_log_is_served_and_emptied_with_the_stats(fresh_sandbox: Sandbox, tmp_path) -> None:
    import requests

    clients = Clients(fresh_sandbox)
    try:
        customers_call(clients, fresh_sandbox)
    finally:
        clients.session.close()
    ca = tmp_path / "ca.pem"
    ca.write_bytes(fresh_sandbox.ca_pem)
    with requests.Session() as http:
        http.trust_env = False
        served = http.get(fresh_sandbox.url + "/_sandbox/requests", verify=str(ca), timeout=10)
    assert [e["msRequestId"] for e in served.json()["value"]] == [FIRST]
    assert served.json()["value"][0]["status"] == 200
    fresh_sandbox.reset_stats()
    assert fresh_sandbox.request_log() == []
