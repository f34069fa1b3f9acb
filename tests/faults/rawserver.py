"""A loopback TCP server that answers with exactly the bytes a test scripts: for the answers the
sandbox never sends (a captive portal's page, a reset mid-body, bytes that are not HTTP)."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections.abc import Callable, Sequence

# Writes the answer to the connection; the request's head (up to the blank line) is given.
Script = Callable[[socket.socket, bytes], None]


class RawServer:
    def __init__(self, script: Script) -> None:
        self.script = script
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._stopped = threading.Event()
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="raw-server", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopped.set()
        self._thread.join(2)
        self._listener.close()
        with self._lock:
            for conn in list(self._open):
                with contextlib.suppress(OSError):
                    conn.close()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._open.add(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(65536)
                if not data:
                    return
                head += data
            with self._lock:
                self.requests.append(head)
            self.script(conn, head)
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(conn)
            with contextlib.suppress(OSError):
                conn.close()


def answer(
    status: int,
    body: bytes,
    content_type: str = "application/json; charset=utf-8",
    headers: Sequence[tuple[str, str]] = (),
    length: int | None = None,
) -> Script:
    """An HTTP/1.1 answer; `length` may claim more than `body` (the connection then closes)."""

    def script(conn: socket.socket, _head: bytes) -> None:
        lines = [
            f"HTTP/1.1 {status} Whatever",
            f"Content-Type: {content_type}",
            f"Content-Length: {len(body) if length is None else length}",
            "Connection: close",
            *(f"{k}: {v}" for k, v in headers),
        ]
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)

    return script


def reset_after(prefix: bytes) -> Script:
    """Send `prefix`, then abort the connection (RST, not an orderly close)."""

    def script(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(prefix)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    return script


def raw_bytes(data: bytes) -> Script:
    def script(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(data)

    return script
