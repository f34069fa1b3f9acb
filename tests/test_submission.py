"""Which failed creates may have been carried out (desktop.services.submission): a wrong "no" costs
a second request, a wrong "yes" one read of Microsoft's list."""

from __future__ import annotations

import pytest

from desktop.api.errors import CANCELLED, HTTP, MALFORMED, NETWORK, TIMEOUT, TOO_LARGE, ApiError
from desktop.api.http import UNTRUSTED
from desktop.services.submission import _accepted, _may_have_landed


@pytest.mark.parametrize(
    ("error", "maybe"),
    [
        (ApiError("reset", kind=NETWORK, ambiguous=True), True),
        (ApiError("read timeout", kind=TIMEOUT, ambiguous=True), True),
        (ApiError("too large", kind=TOO_LARGE), True),  # the status line was never read
        (ApiError("connect timeout", kind=TIMEOUT), True),
        (ApiError("Service unavailable", status=503, kind=HTTP), False),
        (ApiError("Bad topic", status=400, kind=HTTP), False),
        (ApiError("refused", kind=NETWORK, name="refused"), False),
        (ApiError("bad certificate", kind=NETWORK, name=UNTRUSTED), False),
        (ApiError("Cancelled.", kind=CANCELLED), False),
    ],
)
def test_what_may_have_landed(error: ApiError, maybe: bool) -> None:
    assert _may_have_landed(error) is maybe


def test_a_success_that_cannot_be_read_was_accepted() -> None:
    assert _accepted(ApiError("malformed JSON", kind=MALFORMED, answered=True))
    assert _accepted(ApiError("odd", status=201, kind=MALFORMED))
    # Cut off while inflating: the status may have been an error; only "may have landed".
    assert not _accepted(ApiError("broken gzip", kind=MALFORMED, answered=True, ambiguous=True))
    assert not _accepted(ApiError("Service unavailable", status=503))
