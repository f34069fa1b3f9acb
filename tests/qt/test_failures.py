"""Why a customer's health is not known, as its cell says it (desktop.qt.failures.health_failure):
decided by the error's category, typed where the error was raised, never by its address."""

from __future__ import annotations

import pytest

from desktop.api.errors import GRAPH, ApiError
from desktop.auth.base import AuthError
from desktop.domain.customer_health import Failure
from desktop.qt.failures import health_failure


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (ApiError("Forbidden", status=403, service=GRAPH), Failure.NO_ACCESS),
        (AuthError("No GDAP relationship", code="no_gdap"), Failure.NO_ACCESS),
        (AuthError("Not consented", code="not_consented"), Failure.NOT_CONSENTED),
        # A 403 not from Graph (Partner Center's: the partner's account) is no missing GDAP role.
        (ApiError("Forbidden", status=403), Failure.ERROR),
        (ApiError("Server error", status=503), Failure.ERROR),
        (ApiError("Timed out", kind="timeout"), Failure.ERROR),
        (AuthError("Expired", code="expired"), Failure.ERROR),
        (ValueError("unexpected"), Failure.ERROR),
    ],
)
def test_why_a_health_read_failed(error: BaseException, expected: Failure) -> None:
    assert health_failure(error) is expected
