"""Servers that answer one byte at a time before the body (issue 16, item 3): a status line and
headers dripped slower than any deadline but faster than the read timeout, and a TLS handshake
dripped the same way. Each attempt ends at its deadline (desktop/api/deadline.py: from the
connection's start to the answer's last byte), as a timeout the user can read.

Before, the deadline started after the headers: every byte came within the read timeout, so an
attempt lasted as long as the server kept dripping (hours). The guard here fails the test at
10 s; the server drips for 60 s.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

from desktop.api.errors import TIMEOUT
from desktop.api.http import RetryPolicy, Timeouts
from desktop.domain.customers import Customer

from .conftest import assert_clear, make_backend, run_sweep
from .rawserver import RawServer

# Each byte comes within the read timeout (1 s); the attempt has 1.5 s in all.
TIMEOUTS = Timeouts(connect_s=2.0, read_s=1.0, attempt_s=1.5)
DRIP_S = 0.1
DRIP_FOR_S = 60.0
TENANTS = [Customer("3f2f1c2e-1111-4222-8333-444455556660", "Customer 0", "c0.example", "")]


def drip(data: bytes, then: bytes = b"") -> Callable[[socket.socket, bytes], None]:
    """A RawServer script: `data` one byte every DRIP_S, then `then` one byte at a time too,
    for up to DRIP_FOR_S (or until the client hangs up)."""

    def script(conn: socket.socket, _head: bytes) -> None:
        stop = time.monotonic() + DRIP_FOR_S
        stream = data + then * 100_000
        for index in range(len(stream)):
            if time.monotonic() > stop:
                return
            conn.sendall(stream[index : index + 1])
            time.sleep(DRIP_S)

    return script


def check(script: Callable[[socket.socket, bytes], None], scheme: str = "http") -> None:
    with RawServer(script) as server:
        url = server.url.replace("http://", f"{scheme}://")
        backend = make_backend(url, timeouts=TIMEOUTS, retry=RetryPolicy(attempts=1))
        try:
            run = run_sweep(backend, TENANTS, guard_s=10)
        finally:
            backend.close()
        (error,) = run.failed().values()
        assert getattr(error, "kind", None) == TIMEOUT, error
        assert_clear(error, "in time", "too slowly")
        assert len(server.requests) == 1


def test_headers_dripped_byte_by_byte_end_at_the_attempt_deadline() -> None:
    check(drip(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n", b"X-Pad: 1\r\n"))


def test_a_status_line_dripped_byte_by_byte_ends_at_the_attempt_deadline() -> None:
    check(drip(b"HTTP/1.1 200 " + b"O" * 60_000))


class HandshakeDrip:
    """A TCP server that answers a TLS ClientHello with a record header announcing 16 KB of
    handshake, then sends it one byte every DRIP_S (RawServer waits for an HTTP head, which a
    TLS client never sends in the clear)."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> HandshakeDrip:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(2)

    def _serve(self) -> None:
        try:
            conn, _ = self._listener.accept()
        except OSError:
            return
        self.connections += 1
        with conn:
            conn.recv(65536)  # the ClientHello
            script = drip(b"\x16\x03\x03\x40\x00", b"\x02")
            try:
                script(conn, b"")
            except OSError:
                return


def test_a_tls_handshake_dripped_byte_by_byte_ends_at_the_attempt_deadline() -> None:
    """The handshake happens inside `connect`, before `requests` could look at any clock."""
    with HandshakeDrip() as server:
        backend = make_backend(server.url, timeouts=TIMEOUTS, retry=RetryPolicy(attempts=1))
        try:
            run = run_sweep(backend, TENANTS, guard_s=10)
        finally:
            backend.close()
        (error,) = run.failed().values()
        assert getattr(error, "kind", None) == TIMEOUT, error
        assert_clear(error, "in time")
        assert server.connections == 1


def test_the_session_works_on_after_an_attempt_was_cut() -> None:
    """The cut connection is gone from the pool: the next call, on a fresh one, succeeds."""
    calls = 0
    lock = threading.Lock()
    slow = drip(b"HTTP/1.1 200 OK\r\n", b"X-Pad: 1\r\n")
    body = b'{"value": [{"id": "Exchange", "status": "serviceOperational", "issues": []}]}'

    def script(conn: socket.socket, head: bytes) -> None:
        nonlocal calls
        with lock:
            calls += 1
            first = calls == 1
        if first:
            slow(conn, head)
            return
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                     + str(len(body)).encode() + b"\r\n\r\n" + body)  # fmt: skip

    with RawServer(script) as server:
        backend = make_backend(server.url, timeouts=TIMEOUTS, retry=RetryPolicy(attempts=1))
        try:
            first = run_sweep(backend, TENANTS, guard_s=10)
            second = run_sweep(backend, TENANTS, guard_s=10)
        finally:
            backend.close()
    assert [getattr(e, "kind", None) for e in first.failed().values()] == [TIMEOUT]
    assert second.ok() == [TENANTS[0].tenant_id]


def test_a_kept_alive_connection_is_watched_too() -> None:
    """The second call reuses the first one's connection (no new socket to register), and
    its headers come one byte at a time: the attempt still ends at its deadline."""
    body = b'{"value": [{"id": "Exchange", "status": "serviceOperational", "issues": []}]}'
    slow = drip(b"HTTP/1.1 200 OK\r\n", b"X-Pad: 1\r\n")

    def script(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                     + str(len(body)).encode() + b"\r\n\r\n" + body)  # fmt: skip
        second = b""
        while b"\r\n\r\n" not in second:
            data = conn.recv(65536)
            if not data:
                return
            second += data
        slow(conn, second)

    with RawServer(script) as server:
        backend = make_backend(server.url, timeouts=TIMEOUTS, retry=RetryPolicy(attempts=1),
                               concurrency=1)  # fmt: skip
        try:
            first = run_sweep(backend, TENANTS, guard_s=10)
            second = run_sweep(backend, TENANTS, guard_s=10)
        finally:
            backend.close()
        assert len(server.requests) == 1  # one connection: the second request came on it
    assert first.ok() == [TENANTS[0].tenant_id]
    (error,) = second.failed().values()
    assert getattr(error, "kind", None) == TIMEOUT, error
