"""Every way an attempt can fail, as one `ApiError` each: no answer (refused, reset, timed
out, untrusted, unsendable), an error status, a wait the call will not make. No Qt."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from desktop.api.body import reason_of
from desktop.api.errors import (
    CANCELLED,
    HTTP,
    MALFORMED,
    NETWORK,
    TIMEOUT,
    ApiError,
    parse_error_body,
)
from desktop.api.timing import clock_time, parse_retry_after
from desktop.auth.transport import certificate_rejected

if TYPE_CHECKING:
    import requests

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
UNTRUSTED = "untrusted_certificate"  # ApiError.name: TLS verification failed
UNSENDABLE = "unsendable"  # ApiError.name: a request `requests` could not even build


def failed(exc: Exception, expired: bool, request_id: str, url: str) -> ApiError:
    """What went wrong before an answer's status line, as an ApiError."""
    import requests

    if expired:
        # The attempt's deadline passed (deadline.py shut the connection): whatever the
        # broken connection looked like, the server was too slow.
        return ApiError(
            "The server did not answer in time.",
            kind=TIMEOUT,
            request_id=request_id,
            url=url,
            ambiguous=True,
        )
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return ApiError("Could not connect in time.", kind=TIMEOUT, request_id=request_id, url=url)
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return ApiError(
            "The server did not answer in time.",
            kind=TIMEOUT,
            request_id=request_id,
            url=url,
            ambiguous=True,
        )
    if isinstance(exc, requests.exceptions.SSLError) and certificate_rejected(exc):
        # Not a passing fault: the same certificate fails the same way on every retry.
        return ApiError(
            f"The server's certificate is not trusted: {reason_of(exc)}",
            kind=NETWORK,
            request_id=request_id,
            url=url,
            name=UNTRUSTED,
        )
    if not isinstance(exc, requests.exceptions.RequestException) or isinstance(
        exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidHeader)
    ):
        # A request that could not be built (an address or header from an answer that
        # http.client refuses): nothing was sent, and a retry would fail the same way.
        return ApiError(
            f"The request could not be sent: {type(exc).__name__}",
            kind=MALFORMED,
            request_id=request_id,
            url=url,
            name=UNSENDABLE,
        )
    refused = "refused" in reason_of(exc)
    return ApiError(
        f"Connection failed: {reason_of(exc)}",
        kind=NETWORK,
        request_id=request_id,
        url=url,
        ambiguous=not refused,
        name="refused" if refused else "",
    )


def try_later(error: ApiError) -> ApiError:
    """`error` (an answer with Retry-After) as a call that gives up rather than wait past its
    budget: when to try again, as a clock time."""
    assert error.retry_after is not None
    at = time.time() + error.retry_after
    words = "Throttled by Microsoft" if error.throttled else "The service asked to wait"
    message = f"{words}: try again at {clock_time(at)}."
    if error.message and error.message not in message:
        message += f" ({error.message})"
    later = ApiError(
        message,
        status=error.status,
        code=error.code,
        kind=error.kind,
        request_id=error.request_id,
        correlation_id=error.correlation_id,
        retryable=error.retryable,
        retry_after=error.retry_after,
        name=error.name,
        url=error.url,
        ambiguous=error.ambiguous,
        answered=error.answered,
        retry_at=at,
        service=error.service,
    )
    later.sent_request_id = error.sent_request_id
    return later


def cancelled(request_id: str, url: str) -> ApiError:
    return ApiError("Cancelled.", kind=CANCELLED, request_id=request_id, url=url)


def http_error(
    response: requests.Response,
    body: bytes,
    content_type: str,
    request_id: str,
    url: str,
) -> ApiError:
    """An answer with an error (or redirect) status as an ApiError, Retry-After included."""
    status = response.status_code
    code, message, body_rid, name, retryable = parse_error_body(
        status, response.reason or "", body, content_type
    )
    if 300 <= status < 400:
        message = f"Unexpected redirect to {response.headers.get('Location', '?')[:120]}"
    return ApiError(
        message,
        status=status,
        code=code,
        kind=HTTP,
        request_id=body_rid or request_id,
        retryable=status in RETRY_STATUSES if retryable is None else retryable,
        retry_after=parse_retry_after(response.headers.get("Retry-After")),
        name=name,
        url=url,
    )
