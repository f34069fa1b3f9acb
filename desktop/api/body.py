"""An answer's body read within limits: bytes on the wire, bytes inflated, time. No Qt.

`read_body` reads what has arrived (`read1`), undoes the Content-Encoding itself as the bytes
come (`Inflater`), and stops as soon as either count passes its limit, the attempt's deadline
passes or the caller cancels. Inflating here rather than in urllib3 is what makes the wire
count possible: urllib3's `read1(decode_content=True)` keeps reading while the inflated output
is empty, so a stream that inflates to nothing (gzip members of zero bytes, one after another)
was read to its end inside one call, however long.
"""

from __future__ import annotations

import os
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from desktop.api.errors import (
    CANCELLED,
    MALFORMED,
    NETWORK,
    TIMEOUT,
    TOO_LARGE,
    ApiError,
    html_summary,
)

# The most one answer may hold once inflated: 64 MiB. The largest real answers (a customer's
# health with every issue and its posts, a page of 500 customers, a message center page) are a
# few MB; a post-incident review (a Word document) is a few hundred KB and has its own cap. A
# 1.5 MB gzip answer inflated to 1.5 GB and was kept whole (issue 16, item 1), and a 200 MB
# plain body was read whole (636 MB resident, item 2). Past this the call fails as TOO_LARGE.
MAX_ANSWER_BYTES = 64 * 1024 * 1024
# The most one answer may send on the wire (compressed): the same 64 MiB. A compressed stream
# never needs more than its inflated size; one that does inflates to (almost) nothing.
MAX_WIRE_BYTES = 64 * 1024 * 1024
# An error's body says what went wrong in its first few hundred bytes; past 1 MiB it is cut
# (not failed: the status already says what happened) and the connection closed.
MAX_ERROR_BYTES = 1024 * 1024

CHUNK = 65536  # read and inflate in pieces of this size: no single allocation past it


# `PARTNER_DESK_MAX_ANSWER_MB` moves both per-answer caps (1 to 1024) without a new release,
# should Microsoft ever send a real answer past 64 MB.
ENVIRONMENT = "PARTNER_DESK_MAX_ANSWER_MB"


@dataclass(frozen=True)
class BodyLimits:
    """Per answer: inflated bytes, bytes on the wire, and where an error's body is cut."""

    answer_bytes: int = MAX_ANSWER_BYTES
    wire_bytes: int = MAX_WIRE_BYTES
    error_bytes: int = MAX_ERROR_BYTES

    @classmethod
    def from_environment(cls) -> BodyLimits:
        """The defaults, or both caps at `PARTNER_DESK_MAX_ANSWER_MB` when that is a number."""
        value = os.environ.get(ENVIRONMENT, "").strip()
        if not (value.isascii() and value.isdigit() and len(value) <= 4):
            return cls()
        size = min(max(int(value), 1), 1024) * 1024 * 1024
        return cls(answer_bytes=size, wire_bytes=size)


class UnsupportedEncodingError(ValueError):
    """A Content-Encoding Partner Desk does not undo (it asks for gzip or deflate only)."""


class Inflater:
    """Undoes one Content-Encoding (none, gzip with any number of members, deflate with or
    without its zlib wrapper) piece by piece, never more than `CHUNK` bytes at a time."""

    def __init__(self, content_encoding: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise UnsupportedEncodingError(", ".join(codings)[:80])
        self.coding = codings[0] if codings else ""
        self._d: Any = None  # zlib's decompress object of the stream (gzip: member) under way
        self._head = b""  # deflate: the first bytes, until the wrapper can be told
        self._members = 0  # gzip members finished
        self._swallow = False  # bytes after the end of the stream: ignored

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The inflated pieces of `data` (each at most CHUNK bytes), lazily: a caller that
        stops iterating stops the inflating. Raises zlib.error on a broken stream."""
        if not self.coding:
            if data:
                yield data
            return
        if self._swallow or not data:
            return
        if self.coding == "deflate" and self._d is None:
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            # RFC 9110 says zlib-wrapped; some servers send raw deflate (urllib3 reads both).
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._d = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        while True:
            if self._d is None:
                self._d = zlib.decompressobj(16 + zlib.MAX_WBITS)  # the next gzip member
            try:
                piece = self._d.decompress(data, CHUNK)
            except zlib.error:
                if self._members:
                    # Bytes after a complete gzip member that are not another one: padding
                    # some servers add, ignored as urllib3 ignores them (the wire cap still
                    # counts them).
                    self._d, self._swallow = None, True
                    return
                raise
            data = self._d.unconsumed_tail
            if piece:
                yield piece
            if self._d.eof:
                self._members += 1
                data, self._d = self._d.unused_data, None
                if self.coding == "deflate":
                    self._swallow = True  # one deflate stream per answer
                    return
                if not data:
                    return
                continue
            if not data and len(piece) < CHUNK:
                return  # all input taken and no output pending

    def finish(self) -> None:
        """At the end of the body: a stream cut off before its end is broken."""
        if self._swallow:
            return
        if self._head or self._d is not None:
            raise zlib.error("incomplete compressed stream")


def read_body(
    response: Any,
    *,
    limit: int,
    wire_limit: int,
    cut: bool,
    deadline: float,
    expired: Callable[[], bool],
    request_id: str,
    url: str,
    cancel: threading.Event | None = None,
    download: bool = False,
) -> bytes:
    """The body of `response` (a `requests.Response` opened with `stream=True`), inflated.

    Past `limit` inflated bytes or `wire_limit` bytes on the wire the answer fails as TOO_LARGE,
    or with `cut` (an error's body) ends there. Past `deadline` (time.monotonic) or once
    `expired()` (the attempt's watchdog closed the connection) it fails as TIMEOUT."""
    import requests
    import urllib3

    def too_slow() -> ApiError:
        return ApiError(
            "The server sent its answer too slowly.",
            kind=TIMEOUT,
            request_id=request_id,
            url=url,
            ambiguous=True,
            answered=True,
        )

    headers = response.headers
    try:
        inflater = Inflater(headers.get("Content-Encoding", ""))
    except UnsupportedEncodingError as exc:
        if cut:  # an error's body we cannot read: its status says enough
            return b""
        raise ApiError(
            f"The server compressed its answer in a way Partner Desk does not read ({exc}).",
            kind=MALFORMED,
            request_id=request_id,
            url=url,
            answered=True,
        ) from exc
    announced = content_length(headers.get("Content-Length"))
    if (
        not cut
        and announced is not None
        and (announced > wire_limit or (not inflater.coding and announced > limit))
    ):
        raise too_large(limit, request_id, url, download)
    body = bytearray()
    wire = 0
    raw = response.raw
    try:
        while True:
            # read1: what has arrived, after at most one wait of the read timeout. A read(n)
            # (what iter_content does) waits for n bytes however slowly they trickle in.
            chunk = raw.read1(CHUNK, decode_content=False)
            if not chunk:
                inflater.finish()
                break
            wire += len(chunk)
            for piece in inflater.feed(chunk):
                room = limit - len(body)
                if len(piece) > room:
                    if cut:
                        body += piece[: max(room, 0)]
                        return bytes(body)
                    raise too_large(limit, request_id, url, download)
                body += piece
            if wire > wire_limit:
                if cut:
                    return bytes(body)
                raise too_large(limit, request_id, url, download)
            if cancel is not None and cancel.is_set():
                raise ApiError("Cancelled.", kind=CANCELLED, request_id=request_id, url=url)
            if time.monotonic() > deadline or expired():
                raise too_slow()
    except zlib.error as exc:
        if expired():
            raise too_slow() from exc
        if cut:
            return bytes(body)
        raise ApiError(
            "The server's answer could not be read (its compression is broken).",
            kind=MALFORMED,
            request_id=request_id,
            url=url,
            ambiguous=True,
            answered=True,
        ) from exc
    except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException, OSError) as exc:
        if expired():
            raise too_slow() from exc
        reason = reason_of(exc)
        if isinstance(exc, (urllib3.exceptions.TimeoutError, TimeoutError)):
            message, kind = "The server stopped sending its answer.", TIMEOUT
        elif reason == "the answer was cut off":
            message, kind = "The answer was cut off before its end.", NETWORK
        else:
            message, kind = f"The answer was cut off: {reason}", NETWORK
        raise ApiError(
            message, kind=kind, request_id=request_id, url=url, ambiguous=True, answered=True
        ) from exc
    if expired():
        # The watchdog shut the connection: an end that looked orderly was not the server's.
        raise too_slow()
    return bytes(body)


def content_length(value: str | None) -> int | None:
    """A Content-Length header as a number; None when absent or not plain ASCII digits (int()
    of 5,000 digits raises, and "²" passes str.isdigit)."""
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > 18 or not (value.isascii() and value.isdigit()):
        return None
    return int(value)


def too_large(limit: int, request_id: str, url: str, download: bool = False) -> ApiError:
    megabytes = f"{limit / 1_000_000:g}" if download else f"{limit / (1024 * 1024):g}"
    message = (
        f"The file is larger than {megabytes} MB, the most Partner Desk downloads."
        if download
        else f"The server's answer is larger than {megabytes} MB, the most Partner Desk reads "
        "in one answer."
    )
    return ApiError(message, kind=TOO_LARGE, request_id=request_id, url=url, answered=True)


def unreadable(body: bytes, content_type: str) -> str:
    """Why a success answer is not data, in words: a proxy's or captive portal's HTML page is
    named as such (with its heading), anything else is malformed JSON."""
    head = body[:65536].decode("utf-8", errors="replace")
    if "html" in content_type.lower() or head.lstrip().startswith("<"):
        summary = html_summary(head)
        return "The server answered with an HTML page, not data" + (
            f": {summary}" if summary else "."
        )
    return "The server's answer could not be read (malformed JSON)."


def reason_of(exc: BaseException) -> str:
    """A failed connection's cause in words, never a repr of urllib3's internals."""
    text = str(exc)
    for marker, words in _REASONS:
        if marker in text:
            return words
    return type(exc).__name__


_REASONS = (
    ("RemoteDisconnected", "the server closed the connection without answering"),
    ("ConnectionResetError", "the connection was reset"),
    ("Connection refused", "the connection was refused"),
    ("EOF occurred in violation of protocol", "the server closed the secure connection"),
    ("IncompleteRead", "the answer was cut off"),
    ("Connection aborted", "the connection was aborted"),
    ("Max retries exceeded", "the server could not be reached"),
)
