"""The one HTTP session: headers, timeouts, retries with Retry-After, and error parsing. No Qt.

Every call to Partner Center or Graph goes through `HttpSession.call`. It:
- sends the API.md headers: a correlation id per user action (the caller's), a request id per
  call, the UI locale, and the bearer token of the (tenant, scope) the call needs. A retry
  *reuses* the request id only when no answer came (a timeout or a lost connection before a
  status line: how Partner Center keeps retries idempotent); after any answer - a 429, a 5xx,
  a body cut off after its status - the retry gets a new id, else the service may replay the
  failure it cached for the old one (API.md section 2);
- retries 429/500/502/503/504, dropped connections and unreadable bodies, waiting what
  Retry-After says and otherwise a capped exponential back-off with jitter;
- on 401 forgets the token and retries once with a fresh one;
- bounds every attempt (deadline.py: connect to last byte, headers included), every body
  (body.py: bytes on the wire and inflated) and every call (timing.py: a budget across its
  attempts and waits; a Retry-After past it fails at once, saying when to try again);
- turns every failure into `ApiError`.
Writes (POST/PATCH) are retried only when the server answered that it did nothing (429, 503):
after a drop or a timeout a write may have landed, and the caller decides (see `ambiguous`).
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.api import deadline
from desktop.api.body import BodyLimits, read_body, unreadable
from desktop.api.connections import Proxies, prepared
from desktop.api.errors import CANCELLED, HTTP, MALFORMED, TOO_LARGE, ApiError
from desktop.api.failures import (
    RETRY_STATUSES,
    UNSENDABLE,
    UNTRUSTED,
    cancelled,
    failed,
    http_error,
    try_later,
)
from desktop.api.timing import (
    MAX_RETRY_AFTER_S,
    RetryPolicy,
    Timeouts,
    parse_retry_after,
    seconds,
)
from desktop.auth import TokenProvider
from desktop.config.limits import CPU_GATE
from desktop.domain.parsing import Parsed, parse_list

if TYPE_CHECKING:
    import requests

# `requests` (with urllib3, ssl and charset detection) is imported when the first call is
# made, on a worker thread: the cached customer list must not wait for it at start-up.

log = logging.getLogger(__name__)
T = TypeVar("T")

# At most two threads turn bytes into objects at a time. Parsing holds the GIL and waiting on
# this semaphore does not, so the GUI thread only ever competes with two parsers for it (with a
# whole sweep parsing at once it stalled); network waits stay as wide as the sweep.
_PARSE_GATE = CPU_GATE


def parsing() -> threading.BoundedSemaphore:
    """`with parsing(): ...` around CPU-bound decoding of an answer (JSON, records)."""
    return _PARSE_GATE


def parse_gated(items: Any, parser: Callable[[Any], T]) -> Parsed[T]:
    """`parse_list` behind the parse gate."""
    with _PARSE_GATE:
        return parse_list(items, parser)


# Statuses that mean "not processed": safe to resend even a write.
NOT_PROCESSED = frozenset({429, 503})
REFUSED_ATTEMPTS = 3

__all__ = [
    "RETRY_STATUSES",
    "UNTRUSTED",
    "Auth",
    "BodyLimits",
    "HttpSession",
    "Reply",
    "RetryPolicy",
    "Timeouts",
    "new_correlation_id",
    "parse_gated",
    "parse_retry_after",
    "parsing",
]


def new_correlation_id() -> str:
    """One per user action; every call made for that action carries it."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Auth:
    """Which token signs a call: `scope` in `tenant` (None: the partner's home tenant)."""

    provider: TokenProvider
    scope: str
    tenant: str | None = None


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    body: Any
    request_id: str
    attempts: int
    size: int = 0  # the body's bytes (inflated): what a list's byte budget counts


class HttpSession:
    def __init__(
        self,
        *,
        pool_size: int = 32,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        locale: str = "en-US",
        app_name: str = "Partner Desk",
        sleep: Callable[[float], None] | None = None,
        transport: requests.Session | None = None,
        pinned: Mapping[str, bytes] | None = None,
        limits: BodyLimits | None = None,
    ) -> None:
        """`pinned`: origin (`https://host:port/`) → the only CA trusted there (the sandbox's).
        `limits`: the most one answer may hold (body.py); `sleep`: waits between tries (tests
        record them; the call's budget counts what it was asked to wait)."""
        self._pinned = dict(pinned or {})
        self._closed = False
        self.timeouts = timeouts or Timeouts()
        self.retry = retry or RetryPolicy()
        self.limits = limits or BodyLimits.from_environment()
        self.locale = locale
        self.app_name = app_name
        self._sleep = sleep
        self._random = random.Random()
        self._pool_size = max(pool_size, 1)
        self._transport: requests.Session | None = None
        self._transport_lock = threading.Lock()
        self._proxies = Proxies()
        if transport is not None:
            self._transport = prepared(transport, self._pool_size, self._pinned)

    @property
    def _session(self) -> requests.Session:
        if self._closed:
            # A call still under way on a sweep's thread after its owner closed the session:
            # a new connection now would never be closed.
            raise ApiError("The connection was closed.", kind=CANCELLED)
        session = self._transport
        if session is None:
            with self._transport_lock:
                if self._transport is None:
                    import requests

                    self._transport = prepared(requests.Session(), self._pool_size, self._pinned)
                session = self._transport
        return session

    def close(self) -> None:
        """Close every connection; calls after this fail as cancelled instead of reconnecting."""
        with self._transport_lock:
            self._closed = True
            if self._transport is not None:
                self._transport.close()

    def __enter__(self) -> HttpSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the call --------------------------------------------------------------------------

    def call(
        self,
        method: str,
        url: str,
        *,
        auth: Auth | None,
        correlation_id: str,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        request_id: str | None = None,
        cancel: threading.Event | None = None,
        expect_json: bool = True,
        max_bytes: int | None = None,
    ) -> Reply:
        """One call, retried as the module says, within `retry.call_budget_s` in all.
        `max_bytes`: a successful answer longer than this fails as TOO_LARGE (not retried)
        instead of being read to its end (default: the session's `limits.answer_bytes`)."""
        request_id = request_id or str(uuid.uuid4())
        idempotent = method.upper() in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
        # A cancelled read ends as CANCELLED even if its answer comes after all: the caller
        # (a sweep that has moved on) must not act on it. A write's answer is always read: it
        # says whether the write landed.
        stop = cancel if idempotent else None
        budget = _Budget(self.retry.call_budget_s)
        refreshed = False
        attempt = 0
        last: ApiError | None = None
        while attempt < self.retry.attempts:
            attempt += 1
            if cancel is not None and cancel.is_set():
                raise cancelled(request_id, url)
            token = auth.provider.token(auth.scope, auth.tenant) if auth else None
            left = budget.left()
            if left <= 0 and last is not None:
                raise last  # the budget went on signing in: the last failure says enough
            try:
                reply = self._once(
                    method,
                    url,
                    token,
                    correlation_id,
                    request_id,
                    params,
                    json_body,
                    headers,
                    expect_json,
                    attempt,
                    stop,
                    max_bytes,
                    max(left, 0.001),
                )
            except ApiError as error:
                error.correlation_id = correlation_id
                error.sent_request_id = request_id
                last = error
                if stop is not None and stop.is_set() and error.kind != CANCELLED:
                    raise cancelled(request_id, url) from error
                if error.answered:
                    # The server answered this id: resending it may replay that answer.
                    request_id = str(uuid.uuid4())
                if error.status == 401 and auth and token and not refreshed:
                    # Expired or revoked: forget it and try once with a fresh token.
                    auth.provider.invalidate(auth.scope, auth.tenant, token)
                    refreshed = True
                    attempt -= 1
                    continue
                if not self._should_retry(error, idempotent) or attempt >= self.retry.attempts:
                    raise
                if error.name == "refused" and attempt >= REFUSED_ATTEMPTS:
                    # Nothing listens there: a few quick tries cover a restart, more only stall
                    # every customer of a sweep behind a dead host.
                    raise
                delay = self._delay(error, attempt)
                if delay is None or delay >= budget.left():
                    if error.retry_after is not None:
                        raise try_later(error) from error
                    raise
                log.debug(
                    "retrying %s %s after %s (attempt %d, wait %.2fs)",
                    method,
                    _loggable(url),
                    error.status or error.kind,
                    attempt,
                    delay,
                )
                self._wait(delay, cancel, url, request_id)
                budget.waited(delay)
                continue
            if stop is not None and stop.is_set():
                raise cancelled(request_id, url)
            return reply
        assert last is not None
        raise last

    def _should_retry(self, error: ApiError, idempotent: bool) -> bool:
        if error.kind in (CANCELLED, TOO_LARGE) or error.name == UNSENDABLE:
            return False
        if error.kind == HTTP:
            if error.status not in RETRY_STATUSES:
                return False
            return idempotent or error.status in NOT_PROCESSED
        if error.name == UNTRUSTED:
            return False
        # No (readable) answer: safe to resend a read; a write may have landed.
        return idempotent or error.name == "refused"

    def _delay(self, error: ApiError, attempt: int) -> float | None:
        """Seconds to wait before the next attempt; None if the server asked for longer than
        `retry.max_retry_after_s`. Always finite: the exponent stops growing at the cap."""
        step = min(attempt - 1, 32)  # 2 ** 32 * any sane base is past any cap
        backoff = min(self.retry.backoff_cap_s, self.retry.backoff_base_s * 2.0**step)
        jittered = backoff / 2 + self._random.uniform(0, backoff / 2)
        if error.retry_after is not None:
            if error.retry_after > self.retry.max_retry_after_s:
                return None
            # Wait what the server asked; after repeated throttling, back off further.
            asked = float(error.retry_after)
            base = asked if attempt <= 2 else max(asked, backoff)
            return base + self._random.uniform(0, 0.25)
        return jittered

    def _wait(
        self, delay: float, cancel: threading.Event | None, url: str, request_id: str
    ) -> None:
        delay = seconds(delay, most=MAX_RETRY_AFTER_S)
        if self._sleep is not None:
            self._sleep(delay)
        elif cancel is not None:
            if cancel.wait(delay):
                raise cancelled(request_id, url)
        else:
            time.sleep(delay)

    def _once(
        self,
        method: str,
        url: str,
        token: str | None,
        correlation_id: str,
        request_id: str,
        params: Mapping[str, str] | None,
        json_body: Any,
        headers: Mapping[str, str] | None,
        expect_json: bool,
        attempt: int,
        cancel: threading.Event | None = None,
        max_bytes: int | None = None,
        left_s: float | None = None,
    ) -> Reply:
        sent = {
            "MS-CorrelationId": correlation_id,
            "MS-RequestId": request_id,
            "client-request-id": request_id,
            "X-Locale": self.locale,
            "MS-PartnerCenter-Application": self.app_name,
        }
        if token:
            sent["Authorization"] = f"Bearer {token}"
        if headers:
            sent.update(headers)
        timeouts = self.timeouts
        window = timeouts.attempt_s if left_s is None else min(timeouts.attempt_s, left_s)
        started = time.monotonic()
        session = self._session
        import requests  # loaded by `_session`: a dictionary lookup from here on

        with deadline.attempt(started + window) as guard:
            try:
                response = session.request(
                    method,
                    url,
                    params=params,
                    data=None
                    if json_body is None
                    else json.dumps(json_body, ensure_ascii=False).encode("utf-8"),
                    headers={
                        **sent,
                        **({"Content-Type": "application/json"} if json_body is not None else {}),
                    },
                    timeout=(min(timeouts.connect_s, window), min(timeouts.read_s, window)),
                    proxies=self._proxies.for_url(url),
                    stream=True,
                    allow_redirects=False,
                )
            except (requests.exceptions.RequestException, ValueError) as exc:
                raise failed(exc, guard.fired, request_id, url) from exc
            try:
                # An error's body is small and read only so far: it says what went wrong.
                error_status = response.status_code >= 300
                limit = (
                    self.limits.error_bytes
                    if error_status
                    else (max_bytes if max_bytes is not None else self.limits.answer_bytes)
                )
                body = read_body(
                    response,
                    limit=limit,
                    wire_limit=max(self.limits.wire_bytes, limit),
                    cut=error_status,
                    deadline=started + window,
                    expired=lambda: guard.fired,
                    request_id=request_id,
                    url=url,
                    cancel=cancel,
                    download=max_bytes is not None,
                )
            finally:
                response.close()
        elapsed_ms = (time.monotonic() - started) * 1000
        server_rid = (
            response.headers.get("request-id")
            or response.headers.get("MS-RequestId")
            or response.headers.get("x-ms-request-id")
            or request_id
        )
        log.debug(
            "%s %s -> %d in %.0f ms (attempt %d, request id %s)",
            method,
            _loggable(url),
            response.status_code,
            elapsed_ms,
            attempt,
            server_rid,
        )
        content_type = response.headers.get("Content-Type", "")
        if response.status_code >= 300:
            raise http_error(response, body, content_type, server_rid, url)
        data: Any = None
        if expect_json and body.strip() and response.status_code != 204:
            try:
                with parsing():
                    data = json.loads(body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                raise ApiError(
                    "The server's answer could not be read (JSON nested too deeply)."
                    if isinstance(exc, RecursionError)
                    else unreadable(body, content_type),
                    kind=MALFORMED,
                    status=None,
                    request_id=server_rid,
                    url=url,
                    answered=True,
                ) from exc
        elif not expect_json:
            data = body
        return Reply(response.status_code, response.headers, data, server_rid, attempt, len(body))


class _Budget:
    """What is left of one call's time budget. Time spent is at least the waits asked for:
    a test's `sleep` that returns at once still spends the budget as a real wait would."""

    def __init__(self, total_s: float) -> None:
        self._started = time.monotonic()
        self._total = total_s
        self._waited = 0.0

    def waited(self, delay: float) -> None:
        self._waited += delay

    def left(self) -> float:
        spent = max(time.monotonic() - self._started, self._waited)
        return self._total - spent


def _loggable(url: str) -> str:
    # URLs carry no secrets here (tokens travel in headers), but keep logs short.
    return url if len(url) <= 200 else url[:200] + "…"
