"""Microsoft's published error bodies, as the production client reads them and the app says them.

Sources: examples/SOURCES.md. Each body is served with the status its page names (or, where the
page names none, the one SOURCES.md gives) on a call the app makes; the client must read
Microsoft's code and words out of it, and the app's explanation must carry them to the user.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.api.errors import ApiError
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend
from desktop.ui.errors import explain

from .conftest import ANNOUNCEMENTS, serve

CUSTOMER = "eebd1b55-5360-4438-a11d-5c06918c3014"


def _failure(call: Callable[[], Any]) -> ApiError:
    with pytest.raises(ApiError) as info:
        call()
    return info.value


def _shown(error: ApiError, what: str) -> str:
    explained = explain(error, what)
    assert explained.title != "Something went wrong"
    return f"{explained.title}\n{explained.detail}\n{error}"


def test_partner_center_error_example(sb: Sandbox, backend: Backend):
    """`{code, description, data, source}` (get-partner-by-mpn-id, "Response example
    (failure)": 404)."""
    serve(
        sb, f"/v1/customers/{CUSTOMER}", "partner_center/error_partner_not_found.json", status=404
    )
    error = _failure(lambda: backend.pc.customer(CUSTOMER, "cid"))
    assert sb.canned_pending() == 0
    assert error.status == 404
    assert error.code == "3000"  # a number on the wire
    assert error.message == "Partner Organization with partner_id 9999999 could not be found"
    assert error.retryable is False
    assert "Partner Organization with partner_id 9999999 could not be found" in _shown(
        error, "customer"
    )


def test_partner_center_error_with_name_example(sb: Sandbox, backend: Backend):
    """`{code, message, description, errorName, isRetryable, ...}` (confirm customer consent of
    the Microsoft Customer Agreement; the page names no status: 409 here, a conflict)."""
    serve(sb, f"/v1/customers/{CUSTOMER}", "partner_center/error_agreement_exists.json", status=409)
    error = _failure(lambda: backend.pc.customer(CUSTOMER, "cid"))
    assert sb.canned_pending() == 0
    assert error.status == 409
    assert error.code == "600061"
    assert error.message == "A partner confirmed agreement already exists for the customer."
    assert error.name == "PartnerConfirmedAgreementAlreadyExists"
    assert error.retryable is False
    assert "A partner confirmed agreement already exists" in _shown(error, "customer")


def test_partner_center_throttling_example(sb: Sandbox, backend: Backend):
    """`{statusCode, message}` with `Retry-After: 57` (api-throttling-guidance). The backend of
    these tests tries once: the wait itself is tested in tests/faults."""
    serve(
        sb,
        f"/v1/customers/{CUSTOMER}",
        "partner_center/error_throttled.json",
        status=429,
        headers=[("Retry-After", "57")],
    )
    error = _failure(lambda: backend.pc.customer(CUSTOMER, "cid"))
    assert sb.canned_pending() == 0
    assert error.status == 429
    assert error.throttled
    assert error.code == "429"
    assert error.message == "Rate limit is exceeded. Try again in 57 seconds."
    assert error.retry_after == 57
    assert error.retryable is True
    assert explain(error, "customer").retry


def test_graph_error_example(sb: Sandbox, backend: Backend, tenant: str):
    """`{error: {code, message, innerError: {request-id, date}}}` (Microsoft Graph error
    responses; its example is an upload's `invalidRange`, served with 416 as that page's status
    table pairs them)."""
    serve(sb, f"{ANNOUNCEMENTS}/healthOverviews", "graph/error.json", status=416)
    error = _failure(lambda: backend.graph.health_overviews(tenant, "cid"))
    assert sb.canned_pending() == 0
    assert error.status == 416
    assert error.code == "invalidRange"
    assert error.message == "Uploaded fragment overlaps with existing data."
    assert error.request_id == "request-id"  # innerError's, Microsoft's placeholder
    assert "Uploaded fragment overlaps with existing data." in _shown(error, "service health")
