"""One error type for every way an API call can fail, parsed from every body shape of API.md."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.api.timing import MAX_RETRY_AFTER_S, seconds
from desktop.auth.base import AuthError, Category
from desktop.config.redact import redact
from desktop.domain.parsing import clean_text

# What went wrong, for logic (retry, message) rather than display.
HTTP = "http"  # the server answered with an error status
NETWORK = "network"  # no answer: refused, reset, dropped
TIMEOUT = "timeout"  # no (complete) answer in time
MALFORMED = "malformed"  # an answer we could not read
CANCELLED = "cancelled"  # the user stopped the operation
OFFLINE = "offline"  # --offline, and the local cache does not have it
# Graph's incidentReport answered 404: Microsoft has not published that review (yet).
REVIEW_NOT_PUBLISHED = "review_not_published"
TOO_LARGE = "too_large"  # the answer passed the size the caller allows (a download's cap)

# ApiError.service: which API answered. Graph's 403 means no GDAP role for it (a customer's
# data), Partner Center's a refusal for the partner's account.
GRAPH = "graph"


class ApiError(Exception):
    """A failed call: status (None without an answer), code, message and request id.

    `message` is Microsoft's text (redacted); `str(error)` is a one-line summary for logs and
    the `error` column of exports. It never contains a token.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str = "",
        kind: str = HTTP,
        request_id: str = "",
        correlation_id: str = "",
        retryable: bool = False,
        retry_after: float | None = None,
        name: str = "",
        url: str = "",
        ambiguous: bool = False,
        answered: bool = False,
        retry_at: float | None = None,
        service: str = "",
    ) -> None:
        message = redact(clean_text(message))
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = clean_text(code)
        self.kind = kind
        self.request_id = request_id
        self.correlation_id = correlation_id
        self.retryable = retryable
        # Seconds the server asked to wait, always finite and at most a day (timing.py).
        self.retry_after = (
            None if retry_after is None else seconds(retry_after, most=MAX_RETRY_AFTER_S)
        )
        # When the call gave up on that wait: the time (epoch seconds) to try again at.
        self.retry_at = retry_at
        self.name = name
        self.url = url
        # True when a write may have reached the server although no answer came back.
        self.ambiguous = ambiguous
        # True once a status line came back (an error status, or a body cut off or unreadable
        # after one): a retry then gets a new MS-RequestId (API.md section 2).
        self.answered = answered or kind == HTTP
        # The MS-RequestId of the last attempt as sent (`request_id` may be the server's own):
        # what a caller resends when no answer came.
        self.sent_request_id = ""
        # Which API answered (GRAPH, else ""): set by its client (desktop.api.graph).
        self.service = service

    def __str__(self) -> str:
        rid = f" (request id {self.request_id})" if self.request_id else ""
        return f"{self.summary}{rid}"

    @property
    def summary(self) -> str:
        """The error without the per-call request id: the same failure reads the same twice
        (export rows of two runs compare equal)."""
        head = f"HTTP {self.status}" if self.status else self.kind
        code = f" {self.code}" if self.code and self.code != str(self.status) else ""
        return f"{head}{code}: {self.message}"

    @property
    def throttled(self) -> bool:
        return self.status == 429

    @property
    def category(self) -> Category:
        if self.kind == CANCELLED:
            return Category.CANCELLED
        if self.kind in (OFFLINE, NETWORK, TIMEOUT):
            return Category.OFFLINE
        if self.throttled:
            return Category.THROTTLED
        if self.status == 403 and self.service == GRAPH:
            return Category.NO_ACCESS
        return Category.FAILED


def category_of(error: BaseException) -> Category | None:
    """The category of a failure of the services or of signing in; None for anything else
    (a bug, a disk error): what the app did not expect, for the crash reporter."""
    if isinstance(error, (ApiError, AuthError)):
        return error.category
    return None


@dataclass(frozen=True)
class ItemFailure:
    """Why one item of a sweep failed: its category (FAILED for an error of no category) and
    the error, for the presenter to put in words (desktop.ui.errors)."""

    category: Category
    error: Exception

    @classmethod
    def of(cls, error: Exception) -> ItemFailure:
        return cls(category_of(error) or Category.FAILED, error)


def _first_text(data: Mapping[str, Any], *keys: str) -> str:
    for key in keys:
        for k, v in data.items():
            if isinstance(k, str) and k.lower() == key.lower() and v not in (None, ""):
                return str(v)
    return ""


_TAGS = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"\s+")


def html_summary(text: str) -> str:
    """The heading (else the title) of an HTML page as one short line of plain text."""
    title = re.search(r"(?is)<title>(.*?)</title>", text)
    heading = re.search(r"(?is)<h1[^>]*>(.*?)</h1>", text)
    picked = heading or title
    body = picked.group(1) if picked else text
    return _SPACES.sub(" ", _TAGS.sub(" ", body)).strip()[:200]


def parse_error_body(
    status: int, reason: str, body: bytes, content_type: str
) -> tuple[str, str, str, str, bool | None]:
    """(code, message, request id, error name, retryable) from any error body we know.

    Shapes (API.md): Partner Center `{code, description, data, source}`; `{code, message,
    description, errorName, isRetryable}`; ProblemDetails `{type, title, status, detail}`;
    throttling `{statusCode, message}`; Graph `{error: {code, message, innerError}}`. Anything
    else (an HTML page from a proxy, plain text) becomes a short readable message.
    """
    text = body.decode("utf-8", errors="replace")
    data: Any = None
    if "html" not in content_type.lower():
        try:
            data = json.loads(text) if text.strip() else None
        except (ValueError, RecursionError):  # RecursionError: JSON nested past Python's limit
            data = None
    if isinstance(data, Mapping):
        inner = data.get("error")
        if isinstance(inner, Mapping):  # Graph
            detail = inner.get("innerError") or inner.get("innererror") or {}
            rid = (
                _first_text(detail, "request-id", "requestId")
                if isinstance(detail, Mapping)
                else ""
            )
            return (
                _first_text(inner, "code"),
                _first_text(inner, "message") or reason,
                rid,
                "",
                None,
            )
        code = _first_text(data, "code", "statusCode")
        message = _first_text(data, "message", "description", "detail", "title")
        if _first_text(data, "detail") and _first_text(data, "title"):
            # ProblemDetails: the title is the kind of problem, the detail says what happened.
            code = code or _first_text(data, "title")
            message = _first_text(data, "detail")
        retryable_raw = next(
            (v for k, v in data.items() if isinstance(k, str) and k.lower() == "isretryable"),
            None,
        )
        return (
            code,
            message or reason,
            _first_text(data, "requestId", "request-id"),
            _first_text(data, "errorName"),
            retryable_raw if isinstance(retryable_raw, bool) else None,
        )
    if text.strip():
        summary = html_summary(text) if "<" in text else text.strip()[:200]
        what = "an HTML page" if "<html" in text.lower() else "a non-JSON answer"
        return "", f"The server answered with {what}: {summary or reason}", "", "", None
    return "", reason or f"HTTP {status}", "", "", None
