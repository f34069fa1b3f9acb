"""Answers built to exhaust memory: decompression bombs and bodies of hundreds of MB (issue 16,
items 1 and 2). Each is refused past its budget (desktop/api/body.py) with a readable error,
not retried, and the memory the call took stays near the budget, not the answer's size.

The sandbox serves the bombs over HTTPS to a signed-in backend (`serve_canned`); `RawServer`
streams what no canned answer can hold (bodies larger than the test should keep in memory).
"""

from __future__ import annotations

import functools
import socket
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import pytest

from desktop.api.body import MAX_ANSWER_BYTES, MAX_ERROR_BYTES
from desktop.api.errors import TOO_LARGE, ApiError
from desktop.api.http import Timeouts
from desktop.sandbox import Canned, Sandbox
from desktop.services.backend import Backend
from tests.faults.conftest import HEALTH, assert_clear, make_backend
from tests.faults.rawserver import RawServer

MB = 1024 * 1024
BOMB = 200 * MB  # inflated size of every bomb here: three times the answer budget
# What a call may allocate on top of the budget (the body grows by doubling, plus the test's
# and the sandbox's own allocations). Reading 200 MB whole, as before, took twice the bomb.
HEADROOM = 64 * MB


@functools.cache
def bomb(wbits: int) -> bytes:
    """BOMB bytes of zeros compressed with `wbits` (31 gzip, 15 zlib-wrapped deflate, -15 raw
    deflate): about 200 KB, made in 1 MB steps so that the test never holds 200 MB itself."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    zeros = bytes(MB)
    parts = [packer.compress(zeros) for _ in range(BOMB // MB)]
    parts.append(packer.flush())
    return b"".join(parts)


def peak_while(action: Callable[[], object]) -> tuple[int, BaseException | None]:
    """The most memory Python held (tracemalloc, every thread) while `action` ran, and what
    it raised."""
    tracemalloc.start()
    try:
        action()
    except BaseException as error:  # the test looks at it
        raised: BaseException | None = error
    else:
        raised = None
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak, raised


def gdap_tenant(sb: Sandbox) -> str:
    return next(c.tenant_id for c in sb.data.customers if sb.data.graph_allowed(c.tenant_id))


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    with Sandbox(customers=4, seed=3, consented="all") as sandbox:
        yield sandbox


@pytest.fixture
def backend(sb: Sandbox) -> Iterator[Backend]:
    # The app's own timeouts: a bomb must be stopped by its size, not by a test's short clock.
    b = make_backend(sb, timeouts=Timeouts())
    yield b
    b.close()


@pytest.fixture
def signed_in(sb: Sandbox, backend: Backend) -> str:
    """A customer whose health the backend may read, its token already fetched."""
    tenant = gdap_tenant(sb)
    backend.tokens.token(backend.cloud.graph_scope, tenant)
    return tenant


@pytest.mark.parametrize(
    ("encoding", "wbits"),
    [("gzip", 31), ("deflate", 15), ("deflate", -15)],
    ids=["gzip", "deflate", "raw deflate"],
)
def test_a_decompression_bomb_stops_at_the_answer_budget(
    sb: Sandbox, backend: Backend, signed_in: str, encoding: str, wbits: int
) -> None:
    """~200 KB on the wire that inflate to 200 MB: refused once 64 MB are out, never kept."""
    sb.serve_canned(Canned(HEALTH, bomb(wbits), headers=[("Content-Encoding", encoding)], count=3))
    peak, raised = peak_while(lambda: backend.health_and_issues(signed_in))
    assert peak < MAX_ANSWER_BYTES + HEADROOM, f"{peak / MB:.0f} MB held"
    assert isinstance(raised, ApiError), raised
    assert raised.kind == TOO_LARGE
    assert "larger than 64 MB" in raised.message
    assert_clear(raised)
    assert sb.canned_pending() == 2  # asked once: a bomb is not worth a retry


def stream(status: int, total: int, headers: tuple[str, ...] = ()) -> Callable[..., None]:
    """A RawServer script: `total` bytes of body in 1 MB blocks, without Content-Length (the
    end is the close), so nothing but counting stops a reader."""

    def script(conn: socket.socket, _head: bytes) -> None:
        head = [f"HTTP/1.1 {status} Whatever", "Content-Type: application/json",
                "Connection: close", *headers]  # fmt: skip
        conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        block = b" " * MB
        for _ in range(total // MB):
            conn.sendall(block)

    return script


def served(script: Callable[..., None]) -> Iterator[tuple[RawServer, Backend]]:
    with RawServer(script) as server:
        backend = make_backend(server.url, timeouts=Timeouts())
        try:
            yield server, backend
        finally:
            backend.close()


TENANT = "3f2f1c2e-1111-4222-8333-444455556666"


def test_a_200_mb_body_is_refused_at_the_answer_budget() -> None:
    for server, backend in served(stream(200, BOMB)):
        peak, raised = peak_while(lambda: backend.health_and_issues(TENANT))  # noqa: B023
        assert peak < MAX_ANSWER_BYTES + HEADROOM, f"{peak / MB:.0f} MB held"
        assert isinstance(raised, ApiError), raised
        assert raised.kind == TOO_LARGE
        assert_clear(raised)
        assert len(server.requests) == 1


def test_an_announced_length_past_the_budget_is_refused_before_reading() -> None:
    """Content-Length says 1 GB: nothing is read (the server sends no body at all, so a
    reader that waited for one would time out instead)."""

    def script(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1073741824\r\n\r\n")  # fmt: skip
        conn.recv(1)  # until the client hangs up

    for server, backend in served(script):
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(TENANT)
        assert caught.value.kind == TOO_LARGE
        assert len(server.requests) == 1


def test_an_error_body_of_200_mb_is_cut_and_the_status_still_reported() -> None:
    """The error's status says what happened; its body is read up to MAX_ERROR_BYTES only."""
    for _server, backend in served(stream(500, BOMB)):
        peak, raised = peak_while(lambda: backend.health_and_issues(TENANT))  # noqa: B023
        assert peak < MAX_ERROR_BYTES + HEADROOM, f"{peak / MB:.0f} MB held"
        assert isinstance(raised, ApiError), raised
        assert raised.status == 500
        assert_clear(raised, "error")


def gzip_member_with_comment(comment_bytes: int) -> Callable[..., None]:
    """A RawServer script: one gzip member whose header carries a comment of `comment_bytes`
    (streamed), and an empty payload: all wire, nothing inflated."""

    def script(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     b"Content-Encoding: gzip\r\nConnection: close\r\n\r\n")  # fmt: skip
        conn.sendall(b"\x1f\x8b\x08\x10\x00\x00\x00\x00\x00\xff")  # FLG: FCOMMENT
        block = b"a" * MB
        for _ in range(comment_bytes // MB):
            conn.sendall(block)
        # The comment's end, an empty deflate stream, CRC32 and size of nothing.
        conn.sendall(b"\x00\x03\x00" + bytes(8))

    return script


def test_a_compressed_stream_that_inflates_to_nothing_is_refused_at_the_wire_budget() -> None:
    """100 MB on the wire, nothing inflated: only a count of the bytes on the wire stops it."""
    for server, backend in served(gzip_member_with_comment(100 * MB)):
        with pytest.raises(ApiError) as caught:
            backend.health_and_issues(TENANT)
        assert caught.value.kind == TOO_LARGE
        assert_clear(caught.value)
        assert len(server.requests) == 1


def test_small_gzip_and_deflate_answers_still_read(sb: Sandbox, backend: Backend,
                                                    signed_in: str) -> None:  # fmt: skip
    """The budgets leave real answers alone, in every encoding a server may use."""
    body = (b'{"value": [{"id": "Exchange", "service": "Exchange Online",'
            b' "status": "serviceDegradation", "issues": []}]}')  # fmt: skip
    for encoding, wbits in (("gzip", 31), ("deflate", 15), ("deflate", -15), ("identity", 0)):
        if wbits:
            packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
            data = packer.compress(body) + packer.flush()
        else:
            data = body
        sb.serve_canned(Canned(HEALTH, data, headers=[("Content-Encoding", encoding)]))
        health, _issues = backend.health_and_issues(signed_in)
        assert [h.status for h in health.items] == ["serviceDegradation"], encoding
