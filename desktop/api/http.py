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
- reads the body under a total deadline, so a server that trickles bytes cannot hold a worker;
- turns every failure into `ApiError`.
Writes (POST/PATCH) are retried only when the server answered that it did nothing (429, 503):
after a drop or a timeout a write may have landed, and the caller decides (see `ambiguous`).
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import os
import random
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from desktop import __version__
from desktop.api.errors import (
    CANCELLED,
    HTTP,
    MALFORMED,
    NETWORK,
    TIMEOUT,
    TOO_LARGE,
    ApiError,
    html_summary,
)
from desktop.api.errors import parse_error_body as _parse_error_body
from desktop.auth import TokenProvider
from desktop.limits import CPU_GATE
from desktop.models.records import Parsed, parse_list

if TYPE_CHECKING:
    import requests

# `requests` (with urllib3, ssl and charset detection) is imported when the first call is
# made, on a worker thread: importing it up front cost ~55 ms of every start before the
# window could show the cached customer list (bench/startup.py).

log = logging.getLogger(__name__)
T = TypeVar("T")

# At most two threads turn bytes into objects at a time. Parsing holds the GIL; with 32 sweep
# threads parsing at once the GUI thread queued behind them for the GIL and stalled 67-79 ms
# (bench/gui_stall.py, 250 customers). Waiting on this semaphore does not hold the GIL, so the
# GUI thread only ever competes with two parsers; network waits stay 32 wide.
_PARSE_GATE = CPU_GATE


def parsing() -> threading.BoundedSemaphore:
    """`with parsing(): ...` around CPU-bound decoding of an answer (JSON, records)."""
    return _PARSE_GATE


def parse_gated(items: Any, parser: Callable[[Any], T]) -> Parsed[T]:
    """`parse_list` behind the parse gate."""
    with _PARSE_GATE:
        return parse_list(items, parser)


RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# Statuses that mean "not processed": safe to resend even a write.
NOT_PROCESSED = frozenset({429, 503})
REFUSED_ATTEMPTS = 3
UNTRUSTED = "untrusted_certificate"  # ApiError.name: TLS verification failed
_CHUNK = 65536


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_correlation_id() -> str:
    """One per user action; every call made for that action carries it."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 8  # tries in all, the first included
    backoff_base_s: float = 0.25
    backoff_cap_s: float = 8.0
    # A Retry-After longer than this is not waited out: the call fails as throttled and says when.
    max_retry_after_s: float = 120.0


@dataclass(frozen=True)
class Timeouts:
    connect_s: float = 6.0
    read_s: float = 30.0  # between bytes
    body_s: float = 60.0  # for the whole body


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
    ) -> None:
        """`pinned`: origin (`https://host:port/`) → the only CA trusted there (the sandbox's)."""
        self._pinned = dict(pinned or {})
        self._closed = False
        self.timeouts = timeouts or Timeouts()
        self.retry = retry or RetryPolicy()
        self.locale = locale
        self.app_name = app_name
        self._sleep = sleep
        self._random = random.Random()
        self._pool_size = max(pool_size, 1)
        self._transport: requests.Session | None = None
        self._transport_lock = threading.Lock()
        self._proxies: dict[str, dict[str, str]] = {}  # scheme://host:port -> proxies
        if transport is not None:
            self._transport = self._prepared(transport)

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

                    self._transport = self._prepared(requests.Session())
                session = self._transport
        return session

    def _prepared(self, session: requests.Session) -> requests.Session:
        from requests.adapters import HTTPAdapter

        # One pool per host sized to the sweep's concurrency: no connection churn, no waiting
        # for a free connection. Retries are ours, not urllib3's.
        adapter = HTTPAdapter(pool_connections=8, pool_maxsize=self._pool_size, max_retries=0)
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        if self._pinned:
            from desktop.auth.transport import pinned_adapter

            for origin, ca_pem in self._pinned.items():
                session.mount(origin, pinned_adapter(ca_pem, self._pool_size))
        session.headers.update(
            {"User-Agent": f"PartnerDesk/{__version__}", "Accept": "application/json"}
        )
        # The environment is read here and per host (`_proxies_for`), not on every call:
        # `requests` otherwise looks up proxies, the CA bundle and ~/.netrc for each request,
        # 6 % of a sweep's CPU held under the GIL the window needs (on Windows, a registry
        # read per call too). It also keeps a ~/.netrc entry from replacing our bearer token
        # with its Basic credentials.
        session.trust_env = False
        bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        if bundle:
            session.verify = bundle
        return session

    def _proxies_for(self, url: str) -> dict[str, str]:
        """The proxies the environment names for `url`'s host (none for loopback), once."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        found = self._proxies.get(origin)
        if found is None:
            from requests.utils import get_environ_proxies

            # Nothing behind a proxy can reach this machine's loopback: the embedded sandbox
            # must work with HTTPS_PROXY set and no NO_PROXY.
            found = {} if _loopback(parts.hostname) else dict(get_environ_proxies(url))
            self._proxies[origin] = found
        return found

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
        """One call, retried as the module says. `max_bytes`: a successful answer longer than
        this fails as TOO_LARGE (not retried) instead of being read to its end."""
        request_id = request_id or str(uuid.uuid4())
        idempotent = method.upper() in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
        # A cancelled read ends as CANCELLED even if its answer comes after all: the caller
        # (a sweep that has moved on) must not act on it. A write's answer is always read: it
        # says whether the write landed.
        stop = cancel if idempotent else None
        refreshed = False
        attempt = 0
        last: ApiError | None = None
        while attempt < self.retry.attempts:
            attempt += 1
            if cancel is not None and cancel.is_set():
                raise _cancelled(request_id, url)
            token = auth.provider.token(auth.scope, auth.tenant) if auth else None
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
                )
            except ApiError as error:
                error.correlation_id = correlation_id
                error.sent_request_id = request_id
                last = error
                if stop is not None and stop.is_set() and error.kind != CANCELLED:
                    raise _cancelled(request_id, url) from error
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
                if delay is None:
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
                continue
            if stop is not None and stop.is_set():
                raise _cancelled(request_id, url)
            return reply
        assert last is not None
        raise last

    def _should_retry(self, error: ApiError, idempotent: bool) -> bool:
        if error.kind in (CANCELLED, TOO_LARGE):
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
        backoff = min(self.retry.backoff_cap_s, self.retry.backoff_base_s * 2.0 ** (attempt - 1))
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
        if self._sleep is not None:
            self._sleep(delay)
        elif cancel is not None:
            if cancel.wait(delay):
                raise _cancelled(request_id, url)
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
        started = time.perf_counter()
        session = self._session
        import requests  # loaded by `_session`: a dictionary lookup from here on

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
                timeout=(self.timeouts.connect_s, self.timeouts.read_s),
                proxies=self._proxies_for(url),
                stream=True,
                allow_redirects=False,
            )
        except requests.exceptions.ConnectTimeout as exc:
            raise ApiError(
                "Could not connect in time.", kind=TIMEOUT, request_id=request_id, url=url
            ) from exc
        except requests.exceptions.ReadTimeout as exc:
            raise ApiError(
                "The server did not answer in time.",
                kind=TIMEOUT,
                request_id=request_id,
                url=url,
                ambiguous=True,
            ) from exc
        except requests.exceptions.SSLError as exc:
            # Not a passing fault: the same certificate fails the same way on every retry.
            raise ApiError(
                f"The server's certificate is not trusted: {_reason(exc)}",
                kind=NETWORK,
                request_id=request_id,
                url=url,
                name=UNTRUSTED,
            ) from exc
        except requests.exceptions.RequestException as exc:
            refused = "refused" in _reason(exc)
            raise ApiError(
                f"Connection failed: {_reason(exc)}",
                kind=NETWORK,
                request_id=request_id,
                url=url,
                ambiguous=not refused,
                name="refused" if refused else "",
            ) from exc
        # An error's body is small and always read: it says what went wrong.
        limit = max_bytes if response.status_code < 300 else None
        try:
            body = self._read_body(response, started, request_id, url, cancel, limit)
        finally:
            response.close()
        elapsed_ms = (time.perf_counter() - started) * 1000
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
        if response.status_code >= 400 or 300 <= response.status_code < 400:
            raise self._error(response, body, content_type, server_rid, url)
        data: Any = None
        if expect_json and body.strip() and response.status_code != 204:
            try:
                with parsing():
                    data = json.loads(body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise ApiError(
                    _unreadable(body, content_type),
                    kind=MALFORMED,
                    status=None,
                    request_id=server_rid,
                    url=url,
                    answered=True,
                ) from exc
        elif not expect_json:
            data = body
        return Reply(response.status_code, response.headers, data, server_rid, attempt)

    def _read_body(
        self,
        response: requests.Response,
        started: float,
        request_id: str,
        url: str,
        cancel: threading.Event | None = None,
        limit: int | None = None,
    ) -> bytes:
        import requests
        import urllib3

        deadline = started + self.timeouts.body_s
        chunks: list[bytes] = []
        size = 0
        announced = _int_header(response.headers.get("Content-Length"))
        if limit is not None and announced is not None and announced > limit:
            raise _too_large(limit, request_id, url)
        try:
            while True:
                # read1: what has arrived, after at most one wait of the read timeout. A
                # read(n) (what iter_content does) waits for n bytes however slowly they
                # trickle in, and the deadline was only checked once they all had.
                chunk = response.raw.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if limit is not None and size > limit:
                    raise _too_large(limit, request_id, url)
                if cancel is not None and cancel.is_set():
                    raise _cancelled(request_id, url)
                if time.perf_counter() > deadline:
                    raise ApiError(
                        "The server sent its answer too slowly.",
                        kind=TIMEOUT,
                        request_id=request_id,
                        url=url,
                        ambiguous=True,
                        answered=True,
                    )
        except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException, OSError) as exc:
            reason = _reason(exc)
            if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
                message, kind = "The server stopped sending its answer.", TIMEOUT
            elif isinstance(
                exc, (urllib3.exceptions.DecodeError, requests.exceptions.ContentDecodingError)
            ):
                message = "The server's answer could not be read (its compression is broken)."
                kind = MALFORMED
            elif reason == "the answer was cut off":
                message, kind = "The answer was cut off before its end.", NETWORK
            else:
                message, kind = f"The answer was cut off: {reason}", NETWORK
            raise ApiError(
                message, kind=kind, request_id=request_id, url=url, ambiguous=True, answered=True
            ) from exc
        return b"".join(chunks)

    def _error(
        self,
        response: requests.Response,
        body: bytes,
        content_type: str,
        request_id: str,
        url: str,
    ) -> ApiError:
        status = response.status_code
        code, message, body_rid, name, retryable = _parse_error_body(
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


def _unreadable(body: bytes, content_type: str) -> str:
    """Why a success answer is not data, in words: a proxy's or captive portal's HTML page is
    named as such (with its heading), anything else is malformed JSON."""
    head = body[:65536].decode("utf-8", errors="replace")
    if "html" in content_type.lower() or head.lstrip().startswith("<"):
        summary = html_summary(head)
        return "The server answered with an HTML page, not data" + (
            f": {summary}" if summary else "."
        )
    return "The server's answer could not be read (malformed JSON)."


def _int_header(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def _too_large(limit: int, request_id: str, url: str) -> ApiError:
    megabytes = limit / 1_000_000
    return ApiError(
        f"The file is larger than {megabytes:g} MB, the most Partner Desk downloads.",
        kind=TOO_LARGE,
        request_id=request_id,
        url=url,
    )


def _cancelled(request_id: str, url: str) -> ApiError:
    return ApiError("Cancelled.", kind=CANCELLED, request_id=request_id, url=url)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds: a number of seconds or an HTTP date; None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _reason(exc: BaseException) -> str:
    text = str(exc)
    for marker in (
        "RemoteDisconnected",
        "ConnectionResetError",
        "Connection refused",
        "IncompleteRead",
        "Connection aborted",
        "Max retries exceeded",
    ):
        if marker in text:
            return {
                "RemoteDisconnected": "the server closed the connection without answering",
                "ConnectionResetError": "the connection was reset",
                "Connection refused": "the connection was refused",
                "IncompleteRead": "the answer was cut off",
                "Connection aborted": "the connection was aborted",
                "Max retries exceeded": "the server could not be reached",
            }[marker]
    return type(exc).__name__


def _loggable(url: str) -> str:
    # URLs carry no secrets here (tokens travel in headers), but keep logs short.
    return url if len(url) <= 200 else url[:200] + "…"
